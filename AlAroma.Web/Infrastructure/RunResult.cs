namespace AlAroma.Web.Infrastructure;

/// <summary>
/// What a scheduled use case did, for the job history and the jobs page: rows (or files) touched and a short Russian
/// summary, e.g. «Удалено прочитанных уведомлений: 12».
/// </summary>
public sealed record RunResult(int RowsTouched, string Summary);
