/**
 * Sigma does not check that it got a WebGL context (it fails later with "Cannot read properties
 * of null (reading 'blendFunc')"), so we ask first and show a clear message instead.
 * Costs one throw-away canvas and context, once.
 */
export function detectWebGL(): { ok: true; renderer: string } | { ok: false; reason: string } {
  try {
    const canvas = document.createElement('canvas');
    const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null;
    if (!gl) return { ok: false, reason: 'This browser did not provide a WebGL context.' };
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = info
      ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL))
      : String(gl.getParameter(gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return { ok: true, renderer };
  } catch (e) {
    return { ok: false, reason: e instanceof Error ? e.message : String(e) };
  }
}
