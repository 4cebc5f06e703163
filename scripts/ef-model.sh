#!/usr/bin/env bash
# Regenerates the compiled EF Core model (AlAroma.Web/Data/CompiledModel) after an entity configuration changed; run it
# with the migration (`dotnet ef migrations add …`). CompiledModelTests fails until the two agree.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore > /dev/null
dotnet build AlAroma.Web -c Release -nologo -v quiet
rm -rf AlAroma.Web/Data/CompiledModel
(cd AlAroma.Web && dotnet ef dbcontext optimize --project . --output-dir Data/CompiledModel \
    --namespace AlAroma.Web.Data.CompiledModel --no-build --configuration Release)
# The app chooses the model itself (DataSetup.AddDatabase: not under the EF tools), so no assembly-wide attribute.
rm -f AlAroma.Web/Data/CompiledModel/AppDbContextAssemblyAttributes.cs
echo "AlAroma.Web/Data/CompiledModel regenerated."
