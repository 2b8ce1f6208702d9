<#
.SYNOPSIS
Publishes HelpdeskLite as one self-contained, compressed executable.

.PARAMETER Runtime
The target runtime identifier: linux-x64, win-x64 or osx-arm64. Defaults to the machine's own.

.PARAMETER Output
The folder that receives the executable. Defaults to ./publish/<runtime>.

.EXAMPLE
dotnet tool restore
dotnet pwsh publish.ps1 -Runtime linux-x64
#>
param(
    [ValidateSet('linux-x64', 'win-x64', 'osx-arm64')]
    [string] $Runtime,
    [string] $Output
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

if (-not $Runtime) {
    $architecture = [System.Runtime.InteropServices.RuntimeInformation]::OSArchitecture.ToString().ToLowerInvariant()
    if ($IsWindows) { $Runtime = "win-$architecture" }
    elseif ($IsMacOS) { $Runtime = "osx-$architecture" }
    else { $Runtime = "linux-$architecture" }
}

if (-not $Output) {
    $Output = Join-Path $PSScriptRoot "publish/$Runtime"
}

$Output = [System.IO.Path]::GetFullPath($Output, (Get-Location).Path)
$project = Join-Path $PSScriptRoot 'HelpdeskLite/HelpdeskLite.csproj'

Write-Host "Publishing HelpdeskLite for $Runtime to $Output"
if (Test-Path $Output) {
    Remove-Item -Recurse -Force $Output
}

# Native libraries (SQLite) go inside the single file and are extracted on first start;
# static files are embedded resources already, so nothing else is written beside it.
& dotnet publish $project `
    --configuration Release `
    --runtime $Runtime `
    --self-contained true `
    --output $Output `
    --nologo `
    -p:PublishSingleFile=true `
    -p:EnableCompressionInSingleFile=true `
    -p:IncludeNativeLibrariesForSelfExtract=true `
    -p:DebugType=none `
    -p:GenerateDocumentationFile=false
if ($LASTEXITCODE -ne 0) {
    throw "dotnet publish failed with exit code $LASTEXITCODE."
}

# web.config and other generated files are not needed outside IIS.
Get-ChildItem $Output -File | Where-Object { $_.Name -notin @('HelpdeskLite', 'HelpdeskLite.exe') } |
    Remove-Item -Force

$executable = Get-ChildItem $Output -File | Select-Object -First 1
Write-Host ("Published {0} ({1:N1} MB)" -f $executable.FullName, ($executable.Length / 1MB))
