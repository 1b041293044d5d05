/// The web server of `workbook serve` (filled in by the serve step).
enum WorkbookServerPlaceholder {}
