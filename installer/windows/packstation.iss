; Inno Setup 6 script: per-user installer for the PyInstaller bundle of Packstation.
; Build on Windows, from the repository root, after the PyInstaller build (see installer/README.md):
;   python -m PyInstaller --noconfirm --distpath installer\dist --workpath installer\build installer\packstation.spec
;   "%ProgramFiles(x86)%\Inno Setup 6\ISCC.exe" /DAppVersion=<version> installer\windows\packstation.iss
; The installer needs no administrator rights and the uninstaller keeps the packer's data
; (settings, journal, logs live in %LOCALAPPDATA%\Packstation, which this script never touches).

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Packstation"
#define AppExe "packstation.exe"
#define BundleDir "..\dist\packstation"

[Setup]
; A fixed AppId lets a newer installer upgrade an older install in place.
AppId={{6C1F3A52-4E0B-4B7E-9B35-2D4A8E51C7A9}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Packstation
VersionInfoVersion={#AppVersion}
; Per-user install: {autopf} resolves to %LOCALAPPDATA%\Programs in non administrative install mode.
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\dist
OutputBaseFilename=packstation-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\packstation.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "russian"; MessagesFile: "compiler:Languages\Russian.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
; The whole one-folder bundle: packstation.exe (GUI), packstation-cli.exe (console tools) and _internal\.
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autoprograms}\{#AppName} (демо)"; Filename: "{app}\{#AppExe}"; Parameters: "--demo"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] section on purpose: Inno Setup removes only the files it installed, so the
; journal of unfinished orders, settings and logs survive an uninstall or a reinstall.
