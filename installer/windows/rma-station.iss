; Inno Setup script: installs the PyInstaller folder (dist\rma-station) per machine,
; with a Start-menu entry. The database is per user (embedded SQLite) unless the
; settings dialog or RMA_DATABASE_URL points the station at the shared PostgreSQL server.
[Setup]
AppId={{6A0E8F3C-5C1B-4C2E-9B7A-RMA-STATION}}
AppName=RMA Station 客退品处理工作站
AppVersion=0.1.0
AppPublisher=Quality Department
DefaultDirName={autopf}\RMA Station
DefaultGroupName=RMA Station
OutputBaseFilename=rma-station-setup
Compression=lzma2
SolidCompression=yes
ArchitecturesInstallIn64BitMode=x64

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "..\..\dist\rma-station\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\RMA Station 客退品处理"; Filename: "{app}\rma-station.exe"
Name: "{autodesktop}\RMA Station 客退品处理"; Filename: "{app}\rma-station.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"

[Run]
Filename: "{app}\rma-station.exe"; Description: "{cm:LaunchProgram,RMA Station}"; Flags: nowait postinstall skipifsilent
