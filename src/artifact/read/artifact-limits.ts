// Limits on what the artifact readers accept. Terraform JSON and REST exports of monitoring
// resources nest about 15 levels (a dashboard: mosaicLayout.tiles[i].widget.xyChart.dataSets[i]
// .timeSeriesQuery.timeSeriesFilter.aggregation…); 128 is far above any real document and bounds
// every recursive walk over the parsed JSON. 64 MiB is far over the largest stack vigil
// synthesizes (one environment's stack is about 100 KiB).
export const MAX_ARTIFACT_BYTES = 64 * 1024 * 1024;
export const MAX_JSON_DEPTH = 128;
