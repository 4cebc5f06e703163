namespace AlAroma.Web.Features.Leads.Numbers;

/// <summary>Where a number is in the work (its disposition). Stored as smallint; the values never change meaning.</summary>
public enum LeadStatus : short
{
    New = 0,
    NoAnswer = 1,
    Busy = 2,
    CallBack = 3,
    Success = 4,
    Refused = 5,
    WrongNumber = 6,
    DoNotCall = 7,
}

/// <summary>
/// The Vicidial-style flags of each status (INTEGRATIONS.md "Call-centre conventions"): human answered (a contact),
/// sale, do-not-call, not interested, unworkable, scheduled callback; and whether the number is still to be called.
/// The conversion figures count by these flags, never by a list of statuses spread over the code.
/// </summary>
public static class LeadStatuses
{
    /// <summary>Russian label.</summary>
    public static string Label(LeadStatus s) => s switch
    {
        LeadStatus.New => "Новый",
        LeadStatus.NoAnswer => "Не ответил",
        LeadStatus.Busy => "Занято",
        LeadStatus.CallBack => "Перезвонить",
        LeadStatus.Success => "Успех",
        LeadStatus.Refused => "Отказ",
        LeadStatus.WrongNumber => "Неверный номер",
        LeadStatus.DoNotCall => "Не звонить",
        _ => s.ToString(),
    };

    /// <summary>Someone answered (Vicidial human_answered / customer_contact).</summary>
    public static bool IsContact(LeadStatus s) => s is LeadStatus.CallBack or LeadStatus.Success or LeadStatus.Refused or LeadStatus.DoNotCall;

    /// <summary>A sale (Vicidial sale).</summary>
    public static bool IsSuccess(LeadStatus s) => s == LeadStatus.Success;

    /// <summary>Never to be called again (Vicidial dnc, unworkable, not interested, and a sale).</summary>
    public static bool IsFinal(LeadStatus s) => s is LeadStatus.Success or LeadStatus.Refused or LeadStatus.WrongNumber or LeadStatus.DoNotCall;

    /// <summary>Statuses the queue gives out when their time has come (new, no answer, busy, call back).</summary>
    public static readonly LeadStatus[] Due = [LeadStatus.New, LeadStatus.NoAnswer, LeadStatus.Busy, LeadStatus.CallBack];

    /// <summary>All statuses in the order the filters list them.</summary>
    public static readonly LeadStatus[] All = Enum.GetValues<LeadStatus>();
}
