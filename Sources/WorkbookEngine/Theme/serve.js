// Filled in by `workbook serve` (see WorkbookServer).
