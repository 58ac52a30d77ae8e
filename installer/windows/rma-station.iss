; Inno Setup script: installs the PyInstaller folder (dist\rma-station) per machine,
; with a Start-menu entry. The database is per user (embedded SQLite) unless the
; settings dialog or RMA_DATABASE_URL points the station at the shared PostgreSQL server.
;
; Build (installer/README.md): first `python tools\build_installer.py` (PyInstaller, from
; the checkout's root, into dist\rma-station), then
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" installer\windows\rma-station.iss
; which writes dist\rma-station-setup.exe. ISCC /DAppVersion=0.2.0 overrides the version.
;
; Inno Setup 6.3 or newer: this file is UTF-8 without a byte-order mark (older versions
; would read its Chinese as ANSI), and x64compatible is a 6.3 architecture identifier.
#if VER < EncodeVer(6,3,0)
  #error Inno Setup 6.3 or newer is required to compile this script
#endif

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
; Relative paths are relative to this file: the PyInstaller output of the checkout's root.
#define Bundle "..\..\dist\rma-station"
#ifnexist AddBackslash(SourcePath) + Bundle + "\rma-station.exe"
  #error dist\rma-station\rma-station.exe not found: build it first with tools\build_installer.py
#endif

[Setup]
; Identifies the product to Windows' uninstaller and to later versions: never change it.
AppId={{E83DD8B3-E40C-49D1-BB2C-C3056882E676}
AppName=RMA Station 客退品处理工作站
AppVersion={#AppVersion}
AppPublisher=Quality Department
DefaultDirName={autopf}\RMA Station
DefaultGroupName=RMA Station
UninstallDisplayIcon={app}\rma-station.exe
SetupIconFile=..\..\resources\icons\rma-station.ico
OutputDir=..\..\dist
OutputBaseFilename=rma-station-setup
Compression=lzma2
SolidCompression=yes
; The bundle is 64-bit Python and Qt: refuse 32-bit Windows instead of installing a
; program that cannot start, and install into the 64-bit Program Files.
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible

[Languages]
; ChineseSimplified.isl is an unofficial translation in some Inno Setup 6 versions: when it
; is not in the compiler's Languages folder, copy it there (installer/README.md) or build
; an English-only setup, as happens here with a warning.
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#else
  #pragma warning "Languages\ChineseSimplified.isl not found in the Inno Setup folder: the setup will be English only"
#endif
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
; rma-station.exe (the window, no console), rma-station-cli.exe (the sub-commands, with a
; console: rma-station-cli db upgrade …) and _internal\ (Python, Qt, migrations, font).
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: recursesubdirs createallsubdirs ignoreversion

[Icons]
Name: "{group}\RMA Station 客退品处理"; Filename: "{app}\rma-station.exe"
Name: "{autodesktop}\RMA Station 客退品处理"; Filename: "{app}\rma-station.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\rma-station.exe"; Description: "{cm:LaunchProgram,RMA Station}"; Flags: nowait postinstall skipifsilent
