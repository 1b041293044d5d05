import WorkbookEngine
print("workbook")
