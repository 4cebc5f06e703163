using AlAroma.Web.Infrastructure.Excel;
using ClosedXML.Excel;

namespace AlAroma.Tests.Reports;

/// <summary>Reading generated workbooks back the way a spreadsheet would.</summary>
internal static class Workbooks
{
    /// <summary>Opens .xlsx bytes.</summary>
    public static XLWorkbook Open(byte[] bytes) => new(new MemoryStream(bytes));

    /// <summary>Saves and reopens <paramref name="wb"/>, so assertions see what is in the file.</summary>
    public static XLWorkbook Reopen(XLWorkbook wb) => Open(ExcelSheetWriter.ToBytes(wb));

    /// <summary>The totals row of a table sheet: below the header, first cell "Итого".</summary>
    public static IXLRow TotalsRow(IXLWorksheet ws) =>
        ws.RowsUsed().Single(r => r.RowNumber() > ExcelSheetWriter.HeaderRow && r.Cell(1).GetString() == ExcelSheetWriter.TotalLabel);
}
