/**
 * Country outlines that ship with the app: Natural Earth 1:50m from the `world-atlas` package,
 * bundled as a lazily loaded chunk (no tile server, no network). Pure geometry helpers here; the
 * drawing is in map-layer.ts.
 */
import { geoDistance } from 'd3-geo';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

export const EARTH_RADIUS_KM = 6371;

export interface CountryFeature {
  id: string;
  name: string;
  geometry: GeoJSON.Geometry;
}

export interface Atlas {
  topology: Topology;
  countries: CountryFeature[];
  /** Land borders between two countries. */
  borders: GeoJSON.MultiLineString;
  /** Coastlines (a country's edge with no neighbour). */
  coasts: GeoJSON.MultiLineString;
}

type CountriesTopology = Topology<{ countries: GeometryCollection<{ name: string }>; land: GeometryCollection }>;

/** Builds the atlas from the world-atlas topology (any of its resolutions). O(size of the topology). */
export function atlasFrom(topology: unknown): Atlas {
  const t = topology as CountriesTopology;
  const fc = feature(t, t.objects.countries) as GeoJSON.FeatureCollection<GeoJSON.Geometry, { name: string }>;
  const countries = fc.features.map((f) => ({
    id: String(f.id ?? ''),
    name: f.properties?.name ?? '',
    geometry: f.geometry,
  }));
  return {
    topology: t,
    countries,
    borders: mesh(t, t.objects.countries, (a, b) => a !== b),
    coasts: mesh(t, t.objects.countries, (a, b) => a === b),
  };
}

let loading: Promise<Atlas> | null = null;

/**
 * Loads the 1:50m atlas once. Vite emits the JSON as an asset of our own build, so it comes from
 * the newsgraph server itself: no third-party host, works with no network at all.
 */
export function loadAtlas(): Promise<Atlas> {
  loading ??= import('world-atlas/countries-50m.json?url')
    .then((m) => fetch(m.default))
    .then((r) => {
      if (!r.ok) throw new Error(`the map outlines could not be loaded (HTTP ${r.status})`);
      return r.json();
    })
    .then(atlasFrom)
    .catch((e) => {
      loading = null;
      throw e;
    });
  return loading;
}

/** The border line between two countries (by Natural Earth name), or null when they share none. */
export function borderBetween(atlas: Atlas, a: string, b: string): GeoJSON.MultiLineString | null {
  const t = atlas.topology as CountriesTopology;
  const line = mesh(t, t.objects.countries, (x, y) => {
    const nx = (x.properties as { name?: string } | undefined)?.name;
    const ny = (y.properties as { name?: string } | undefined)?.name;
    return (nx === a && ny === b) || (nx === b && ny === a);
  });
  return line.coordinates.length ? line : null;
}

/**
 * Great-circle distance (km) from a point to a line: the minimum over its segments, each sampled
 * every ~2 km. O(length of the line / 2 km).
 */
export function distanceToLineKm(point: [number, number], line: GeoJSON.MultiLineString): number {
  let best = Infinity;
  for (const part of line.coordinates) {
    for (let i = 0; i < part.length; i++) {
      const a = part[i] as [number, number];
      const b = (part[i + 1] ?? a) as [number, number];
      const segKm = geoDistance(a, b) * EARTH_RADIUS_KM;
      const steps = Math.max(1, Math.ceil(segKm / 2));
      for (let s = 0; s <= steps; s++) {
        const f = s / steps;
        const p: [number, number] = [a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f];
        const d = geoDistance(point, p) * EARTH_RADIUS_KM;
        if (d < best) best = d;
      }
    }
  }
  return best;
}

/** The country whose outline contains the point, by name, or null (sea, or outside the atlas). */
export { geoContains } from 'd3-geo';
