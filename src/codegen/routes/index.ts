/**
 * `vango gen routes`: app/routes → app/.vango/routes.gen.ts (Node-only tooling).
 */
export { scanRoutes, byCodePoint, type RouteManifest, type ManifestRoute, type ManifestFile, type ManifestSpecial, type ScanOptions } from './scan.ts';
export { generateRoutes, renderRoutesModule, writeIfChanged, summarize, GENERATED_HEADER, DEFAULT_OUT_FILE, type GenerateOptions, type GenerateResult, type RenderOptions } from './generate.ts';
export { parseName, classifyFile, checkRouteSegments, isScannedFolder, SPECIAL_STEMS, type NameSegment, type FileRole, type SpecialKind } from './names.ts';
