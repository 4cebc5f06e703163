namespace AlAroma.Web.Features.Pos;

/// <summary>A POS terminal (касса) in a shop.</summary>
[Infrastructure.Auditing.AuditName("Касса")]
public class Register
{
    public int Id { get; set; }
    public int LocationId { get; set; }
    public string Name { get; set; } = "";
    public bool IsActive { get; set; } = true;
}
