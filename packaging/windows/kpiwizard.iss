; Inno Setup script for KPI Wizard on Windows (per-user install, no admin rights needed).
; Saved as UTF-8 with a BOM: Inno Setup needs the BOM to read the Korean strings below.
; Build the onedir bundle first (dist\kpiwizard\ from packaging\kpiwizard.spec), then from the
; repository root:
;     "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" packaging\windows\kpiwizard.iss
; Output: dist\KPIWizard-Setup-<version>.exe. Pass /DAppVersion=1.2.3 to override the version.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppId "io.github.kpiwizard.KPIWizard"
#define ProgId "KPIWizard.Project"

[Setup]
AppId={{6F1E8A52-3C1B-4D8E-9B7A-2B5C0E4D7A91}
AppName=KPI Wizard
AppVersion={#AppVersion}
AppPublisher=KPI Wizard developers
DefaultDirName={autopf}\KPI Wizard
DefaultGroupName=KPI Wizard
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
SourceDir=..\..
OutputDir=dist
OutputBaseFilename=KPIWizard-Setup-{#AppVersion}
SetupIconFile=resources\icons\kpiwizard.ico
UninstallDisplayIcon={app}\kpiwizard-app.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes

[Languages]
Name: "korean"; MessagesFile: "compiler:Languages\Korean.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
korean.AppName=KPI 마법사
english.AppName=KPI Wizard
korean.ProjectFile=KPI 마법사 프로젝트
english.ProjectFile=KPI Wizard project
korean.AssocTask=.kpiwiz 파일을 KPI 마법사로 열기
english.AssocTask=Open .kpiwiz files with KPI Wizard

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "associate"; Description: "{cm:AssocTask}"

[Files]
Source: "dist\kpiwizard\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{cm:AppName}"; Filename: "{app}\kpiwizard-app.exe"
Name: "{group}\{cm:UninstallProgram,{cm:AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{cm:AppName}"; Filename: "{app}\kpiwizard-app.exe"; Tasks: desktopicon

[Registry]
; .kpiwiz -> ProgId -> the windowed program with the file as its argument ("gui FILE").
Root: HKA; Subkey: "Software\Classes\.kpiwiz"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue; Tasks: associate
Root: HKA; Subkey: "Software\Classes\.kpiwiz"; ValueType: string; ValueName: "Content Type"; ValueData: "application/x-kpiwizard"; Flags: uninsdeletevalue; Tasks: associate
Root: HKA; Subkey: "Software\Classes\.kpiwiz\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue; Tasks: associate
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "{cm:ProjectFile}"; Flags: uninsdeletekey; Tasks: associate
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\kpiwizard-app.exe,0"; Tasks: associate
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\kpiwizard-app.exe"" gui ""%1"""; Tasks: associate
Root: HKA; Subkey: "Software\Classes\Applications\kpiwizard-app.exe\SupportedTypes"; ValueType: string; ValueName: ".kpiwiz"; ValueData: ""; Flags: uninsdeletekey; Tasks: associate

[Run]
Filename: "{app}\kpiwizard-app.exe"; Description: "{cm:LaunchProgram,{cm:AppName}}"; Flags: nowait postinstall skipifsilent
