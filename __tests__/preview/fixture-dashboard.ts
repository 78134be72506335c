// A dashboard with every widget kind the preview draws beyond what staging's dashboard uses:
// scorecards (gauge, spark chart, thresholds), a stacked-bar chart, collapsible groups (one
// collapsed), RAW text, an incident list and a logs panel. Its queries read the Redis AUTH
// outage replay's series, so its charts have data.
const CLIENTS = 'metric.type="redis.googleapis.com/clients/connected" AND resource.type="redis_instance"';

export const FIXTURE_DASHBOARD = {
  displayName: 'Preview fixture',
  mosaicLayout: {
    columns: 12,
    tiles: [
      {
        xPos: 0,
        yPos: 0,
        width: 12,
        height: 1,
        widget: { title: 'Scorecards', sectionHeader: { subtitle: 'gauge, spark, thresholds' } },
      },
      {
        xPos: 0,
        yPos: 1,
        width: 4,
        height: 3,
        widget: {
          title: 'Clients (gauge)',
          scorecard: {
            timeSeriesQuery: {
              timeSeriesFilter: {
                filter: CLIENTS,
                aggregation: {
                  alignmentPeriod: '60s',
                  perSeriesAligner: 'ALIGN_MEAN',
                  crossSeriesReducer: 'REDUCE_SUM',
                },
              },
            },
            gaugeView: { lowerBound: 0, upperBound: 100 },
            thresholds: [{ value: 30, color: 'RED', direction: 'BELOW' }],
          },
        },
      },
      {
        xPos: 4,
        yPos: 1,
        width: 4,
        height: 3,
        widget: {
          title: 'Clients (spark)',
          scorecard: {
            timeSeriesQuery: {
              timeSeriesFilter: {
                filter: CLIENTS,
                aggregation: {
                  alignmentPeriod: '60s',
                  perSeriesAligner: 'ALIGN_MEAN',
                  crossSeriesReducer: 'REDUCE_SUM',
                },
              },
            },
            sparkChartView: { sparkChartType: 'SPARK_LINE' },
            thresholds: [{ value: 50, color: 'YELLOW', direction: 'ABOVE' }],
          },
        },
      },
      {
        xPos: 8,
        yPos: 1,
        width: 4,
        height: 3,
        widget: { title: 'Notes', text: { content: 'raw <b>text</b>\nsecond line', format: 'RAW' } },
      },
      {
        xPos: 0,
        yPos: 4,
        width: 12,
        height: 1,
        widget: { title: 'Groups', sectionHeader: { subtitle: '', dividerBelow: true } },
      },
      {
        xPos: 0,
        yPos: 5,
        width: 6,
        height: 4,
        widget: { title: 'Open group', collapsibleGroup: { collapsed: false } },
      },
      {
        xPos: 0,
        yPos: 6,
        width: 6,
        height: 3,
        widget: {
          title: 'Clients, stacked bars',
          xyChart: {
            dataSets: [
              {
                plotType: 'STACKED_BAR',
                timeSeriesQuery: {
                  timeSeriesFilter: {
                    filter: CLIENTS,
                    aggregation: { alignmentPeriod: '300s', perSeriesAligner: 'ALIGN_MEAN' },
                  },
                },
              },
            ],
            thresholds: [{ value: 20, label: 'too few clients' }],
          },
        },
      },
      {
        xPos: 6,
        yPos: 5,
        width: 6,
        height: 4,
        widget: { title: 'Closed group', collapsibleGroup: { collapsed: true } },
      },
      {
        xPos: 6,
        yPos: 6,
        width: 6,
        height: 3,
        widget: { title: 'Hidden logs', logsPanel: { filter: 'severity>=ERROR' } },
      },
      { xPos: 0, yPos: 9, width: 6, height: 3, widget: { title: 'Incidents', incidentList: { policyNames: [] } } },
      {
        xPos: 6,
        yPos: 9,
        width: 6,
        height: 3,
        widget: {
          title: 'MQL chart',
          xyChart: { dataSets: [{ timeSeriesQuery: { timeSeriesQueryLanguage: 'fetch redis_instance' } }] },
        },
      },
    ],
  },
};
