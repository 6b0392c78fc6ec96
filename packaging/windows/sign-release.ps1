# Sign every program file in the built bundle, build the MSI, sign it, and check nothing is left
# unsigned. Run on the Windows build machine, in the repository, after `py dev.py bundle`:
#
#   .\packaging\windows\sign-release.ps1 -Thumbprint <certificate SHA-1 thumbprint>
#
# Needs the Windows SDK (signtool), WiX Toolset v5 (`dotnet tool install --global wix`) and the
# organisation's code-signing certificate in the machine or user store (or an HSM-backed CSP).
# Files that already carry a valid signature (Qt's DLLs, signed by The Qt Company; the Python
# runtime's DLLs, signed by the Python Software Foundation) keep it; every other .exe, .dll and
# .pyd is signed, because application control (WDAC/AppLocker) checks DLLs as well as the .exe.
param(
  [Parameter(Mandatory = $true)][string]$Thumbprint,
  [string]$Bundle = "build\dist\thresholds-app",
  [string]$Timestamp = "http://timestamp.digicert.com"
)
$ErrorActionPreference = "Stop"
$version = (& py -c "import sys; sys.path.insert(0, 'src'); import thresholds_app; print(thresholds_app.__version__)")

$files = Get-ChildItem -Path $Bundle -Recurse -Include *.exe, *.dll, *.pyd
foreach ($file in $files) {
  if ((Get-AuthenticodeSignature $file.FullName).Status -ne "Valid") {
    signtool sign /sha1 $Thumbprint /fd SHA256 /tr $Timestamp /td SHA256 /q $file.FullName
    if ($LASTEXITCODE -ne 0) { throw "signing failed: $($file.FullName)" }
  }
}

# Nothing may ship unsigned: the same check the build runs, with signtool's verdict too.
py packaging\windows\unsigned_files.py $Bundle --verify
if ($LASTEXITCODE -ne 0) { throw "unsigned files are listed above" }

$msi = "build\thresholds-app-$version.msi"
wix build packaging\windows\thresholds-app.wxs -arch x64 -d Version=$version `
  -bindpath Bundle=$Bundle -o $msi
if ($LASTEXITCODE -ne 0) { throw "wix build failed" }
signtool sign /sha1 $Thumbprint /fd SHA256 /tr $Timestamp /td SHA256 /d "Right Help, Right Time" $msi
signtool verify /pa $msi
Write-Host "Built and signed $msi. Silent install: msiexec /i $msi /qn /norestart"
