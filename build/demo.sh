#!/usr/bin/env bash
# The main job: pack Palisade.Analyzers from this repository into a temporary folder feed, build the bundled
# sample app (build/sample-app) against it, and print the PAL diagnostics it finds with a one-line summary.
# Needs the .NET SDK; the sample's other packages (Dapper, Microsoft.Data.SqlClient, logging) come from your
# configured NuGet sources. Nothing is left behind but the repository's own bin/obj folders.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/palisade-demo.XXXXXX")"
version="0.1.0-demo.$(date -u +%Y%m%d%H%M%S)"
packages="$(dotnet nuget locals global-packages --list | sed -n 's/^global-packages: *//p')"
cleanup() {
  rm -rf "$work"
  # The demo version is unique per run: do not let it pile up in the package cache.
  [ -n "$packages" ] && rm -rf "${packages%/}/palisade.analyzers/$version"
}
trap cleanup EXIT

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1

echo "==> Packing Palisade.Analyzers $version"
if ! dotnet pack "$repo/src/Palisade.Package/Palisade.Package.csproj" -c Release -o "$work/feed" \
     "-p:Version=$version" -nodeReuse:false >"$work/pack.log" 2>&1; then
  cat "$work/pack.log"
  echo "Packing failed." >&2
  exit 1
fi
nupkg="$work/feed/Palisade.Analyzers.$version.nupkg"
echo "    $(basename "$nupkg") ($(wc -c <"$nupkg" | tr -d ' ') bytes)"

# A clean copy of the sample, away from this repository's .editorconfig and build settings.
cp -R "$repo/build/sample-app" "$work/app"
rm -rf "$work/app/bin" "$work/app/obj"
cat >"$work/app/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="palisade-demo" value="$work/feed" />
  </packageSources>
</configuration>
XML

echo "==> Building build/sample-app with it"
status=0
dotnet build "$work/app/SampleApp.csproj" "-p:PalisadeAnalyzersVersion=$version" -nodeReuse:false \
  >"$work/build.log" 2>&1 || status=$?

# Findings in file order, then by line and column as numbers (not as text, which puts (12,13) before (9,49)).
# PAL5003 suggestions are build messages ("message PAL5003"): shown, but not counted as warnings or errors.
diagnostics="$(grep -E ': (warning|error|message) PAL[0-9]{4}: ' "$work/build.log" \
  | sed -E -e 's/^ *([0-9]+>)?//' -e 's/ \[[^]]*\] *$//' -e "s|$work/app/||g" | sort -u \
  | awk '{
      file = $0; sub(/(\([0-9,]+\))? ?: (warning|error|message) PAL.*$/, "", file)
      line = 0; column = 0
      if (match($0, /\(([0-9]+)(,([0-9]+))?\)/)) {
        position = substr($0, RSTART + 1, RLENGTH - 2); split(position, parts, ",")
        line = parts[1] + 0; column = (parts[2] == "" ? 0 : parts[2] + 0)
      }
      printf "%s\t%d\t%d\t%s\n", file, line, column, $0
    }' \
  | LC_ALL=C sort -t "$(printf '\t')" -k1,1 -k2,2n -k3,3n | cut -f4- || true)"

echo
if [ -n "$diagnostics" ]; then
  echo "$diagnostics"
else
  echo "(no PAL diagnostics)"
fi
echo

if [ -z "$diagnostics" ]; then
  total=0; errors=0; warnings=0; suggestions=0; codes=""
else
  total=$(printf '%s\n' "$diagnostics" | wc -l | tr -d ' ')
  errors=$(printf '%s\n' "$diagnostics" | grep -c ': error PAL' || true)
  warnings=$(printf '%s\n' "$diagnostics" | grep -c ': warning PAL' || true)
  suggestions=$(printf '%s\n' "$diagnostics" | grep -c ': message PAL' || true)
  codes=$(printf '%s\n' "$diagnostics" | grep -oE '(warning|error|message) PAL[0-9]{4}' | grep -oE 'PAL[0-9]{4}' | sort | uniq -c | awk '{printf "%s%s x%s", (NR>1?", ":""), $2, $1}')
fi
result=$([ "$status" -eq 0 ] && echo "build succeeded" || echo "build FAILED")
echo "Palisade found $total diagnostics in the sample app ($errors errors, $warnings warnings, $suggestions suggestions${codes:+: $codes}); $result."

if [ "$status" -ne 0 ] && [ "$errors" -eq 0 ]; then
  # The build failed for a reason that is not a PAL error: show why.
  grep -E ': error ' "$work/build.log" | sort -u >&2 || true
  exit "$status"
fi
