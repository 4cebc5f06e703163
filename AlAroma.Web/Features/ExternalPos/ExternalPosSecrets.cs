using AlAroma.Web.Infrastructure.Security;
using Microsoft.AspNetCore.DataProtection;

namespace AlAroma.Web.Features.ExternalPos;

/// <summary>The external registers' HMAC secrets, encrypted (<see cref="StoredSecrets"/>).</summary>
public sealed class ExternalPosSecrets(IDataProtectionProvider provider) : StoredSecrets(provider, "AlAroma.ExternalPos.v1");
