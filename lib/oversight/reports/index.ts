export { toCsv, csvField, defuseFormula, CSV_BOM, CSV_DIALECTS, type TCsvCell, type TCsvDialect } from "./csv";
export { renderTablePdf, wrapText, type TTablePdfInput, type TPdfSection, type TPdfColumn } from "./table-pdf";
export { exportTable, EXPORT_TABLES, EXPORT_MAX_ROWS, ZExportDimension, type TExportTable, type TExportResult, type TTranslate } from "./export-tables";
export { renderIndicatorsReport } from "./indicators-report";
