/** The camera: centring on a node, fitting the graph, zooming. Animated; O(1) each. */
import type { Coordinates } from 'sigma/types';
import type { ExplorerSigma, SigmaHost } from './sigma-controller';

/** Zoom of the camera when it centres on a node (sigma camera ratio). */
const FOCUS_RATIO = 0.6;

export class CameraController {
  constructor(private readonly host: SigmaHost) {}

  private get sigma(): ExplorerSigma {
    return this.host.sigma;
  }

  /** Animates the camera to a node. */
  focusNode(id: string, ratio = FOCUS_RATIO): void {
    this.host.ensureIndexed();
    const d = this.sigma.getNodeDisplayData(id);
    if (!d) return;
    void this.sigma.getCamera().animate({ x: d.x, y: d.y, ratio }, { duration: 450 });
  }

  fit(): void {
    void this.sigma.getCamera().animatedReset({ duration: 350 });
  }

  zoom(by: number): void {
    const cam = this.sigma.getCamera();
    if (by > 1) void cam.animatedZoom({ duration: 200, factor: by });
    else void cam.animatedUnzoom({ duration: 200, factor: 1 / by });
  }

  /** Viewport position of a node (CSS px in the graph container), or null when it is not drawn. */
  nodeViewportPosition(id: string): Coordinates | null {
    this.host.ensureIndexed();
    const d = this.sigma.getNodeDisplayData(id);
    return d ? this.sigma.framedGraphToViewport(d) : null;
  }
}
