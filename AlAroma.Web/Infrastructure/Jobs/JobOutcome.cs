namespace AlAroma.Web.Infrastructure.Jobs;

/// <summary>
/// What one run of a scheduled job did, for the run history and the «Задания» page: how many rows it changed
/// and a short Russian sentence («Сгорело 3 сертификата на 4 500,00 ₽»). A run that changed nothing returns 0
/// rows (a second run of the same day must).
/// </summary>
public sealed record JobOutcome(int Rows, string Summary);
