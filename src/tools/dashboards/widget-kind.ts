// A widget's kind: the one field of the Widget message beside its title that says what it shows
// (review compares kinds, preview draws by kind).
// A kind this list does not know is still named by its field, so a new widget previews as a
// labelled placeholder rather than disappearing.
const WIDGET_KINDS = [
  'xyChart',
  'alertChart',
  'scorecard',
  'text',
  'sectionHeader',
  'collapsibleGroup',
  'blank',
  'incidentList',
  'logsPanel',
  'errorReportingPanel',
  'timeSeriesTable',
  'pieChart',
  'singleViewGroup',
  'filterControl',
];

export function widgetKind(widget: Record<string, unknown>): string {
  return (
    WIDGET_KINDS.find((kind) => widget[kind] !== undefined) ??
    Object.keys(widget).find((key) => key !== 'title' && key !== 'id' && key !== 'visibilityCondition') ??
    'blank'
  );
}
