// The export formats' names, file suffixes and media types: what the buttons
// show before any export code is loaded.

export const EXPORT_FORMATS = ['bibtex', 'ris', 'csl', 'csv', 'pop-csv', 'json', 'report-md', 'report-csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const FORMAT_INFO: Record<ExportFormat, { label: string; suffix: string; mime: string }> = {
  bibtex: { label: 'BibTeX', suffix: '.bib', mime: 'application/x-bibtex; charset=utf-8' },
  ris: { label: 'RIS', suffix: '.ris', mime: 'application/x-research-info-systems; charset=utf-8' },
  csl: { label: 'CSL-JSON', suffix: '-csl.json', mime: 'application/vnd.citationstyles.csl+json; charset=utf-8' },
  csv: { label: 'CSV', suffix: '.csv', mime: 'text/csv; charset=utf-8' },
  'pop-csv': { label: 'Publish or Perish CSV', suffix: '-pop.csv', mime: 'text/csv; charset=utf-8' },
  json: { label: 'Backup (JSON)', suffix: '-backup.json', mime: 'application/json; charset=utf-8' },
  'report-md': { label: 'Metrics report (Markdown)', suffix: '-metrics.md', mime: 'text/markdown; charset=utf-8' },
  'report-csv': { label: 'Metrics report (CSV)', suffix: '-metrics.csv', mime: 'text/csv; charset=utf-8' },
};
