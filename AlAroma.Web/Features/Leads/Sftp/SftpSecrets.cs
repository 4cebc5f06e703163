using AlAroma.Web.Infrastructure.Security;
using Microsoft.AspNetCore.DataProtection;

namespace AlAroma.Web.Features.Leads.Sftp;

/// <summary>The SFTP hosts' passwords, keys and passphrases, encrypted (<see cref="StoredSecrets"/>).</summary>
public sealed class SftpSecrets(IDataProtectionProvider provider) : StoredSecrets(provider, "AlAroma.Leads.Sftp.v1");
