; Inno Setup script for 劳模之家 (laomo): a per-user Windows installer of the one-folder bundle
; dist\laomo\ that installer\build.py makes with PyInstaller (installer\laomo.spec).
;
; Build on Windows (Inno Setup 6.5 or later; installer\README.md has the full steps):
;     python installer\build.py --self-test
;     iscc /DAppVersion=0.1.0 installer\laomo.iss          ->  dist\laomo-0.1.0-setup.exe
; .github\workflows\windows.yml does exactly this on a hosted Windows runner.
;
; What it does:
; * installs for the current user only, without administrator rights, into
;   %LOCALAPPDATA%\Programs\劳模之家 ({autopf} in a per-user install);
; * a Start-menu shortcut "劳模之家" and (ticked by default) a desktop shortcut, both opening the
;   windowed 劳模之家.exe; laomo.exe (the command line) is in the same folder;
; * an upgrade (a newer installer, same AppId) replaces the program files and keeps the data:
;   the data folder %LOCALAPPDATA%\laomo (database, backups, logs; desktop\paths.py) is not part
;   of the installation; at its first start the new version backs the database up into
;   %LOCALAPPDATA%\laomo\backups and migrates it (desktop\database.py, Database.upgrade);
; * the uninstaller removes the program files and shortcuts only, never the data folder (there is
;   no [UninstallDelete] section, and the data folder is outside {app}).
;
; This file is UTF-8 with a byte order mark (Inno Setup needs the BOM for the Chinese text).

#ifndef AppVersion
  #error Give the version: iscc /DAppVersion=0.1.0 installer\laomo.iss (pyproject.toml)
#endif
#define AppName "劳模之家"
#define AppExe "劳模之家.exe"
#define Bundle "..\dist\laomo"

[Setup]
; Never change AppId: it is how a newer installer finds the installation it upgrades.
AppId={{B3D2FF3A-0367-4D86-A75A-A5B911C849FA}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=劳动模范协会
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
VersionInfoDescription={#AppName} 安装程序
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallInX64Mode=x64compatible
MinVersion=10.0
OutputDir=..\dist
OutputBaseFilename=laomo-{#AppVersion}-setup
SetupIconFile=laomo.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
WizardStyle=modern
Compression=lzma2
SolidCompression=yes
; A running 劳模之家 is closed (Restart Manager) before its files are replaced.
CloseApplications=yes
RestartApplications=no

[Languages]
; The Simplified Chinese wizard texts are a user-contributed translation that Inno Setup does not
; ship: the workflow downloads it beside this script (installer\README.md). Without it the
; wizard is in English; the shortcuts and the texts below are Chinese either way.
#ifexist "ChineseSimplified.isl"
Name: "zh"; MessagesFile: "ChineseSimplified.isl"
#else
Name: "zh"; MessagesFile: "compiler:Default.isl"
#endif

[CustomMessages]
zh.DesktopIcon=在桌面上创建“劳模之家”快捷方式
zh.Shortcuts=快捷方式：
zh.StartNow=现在启动劳模之家
zh.ShortcutComment=劳模名册、帮扶、走访慰问和疗休养管理

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopIcon}"; GroupDescription: "{cm:Shortcuts}"

[InstallDelete]
; An upgrade replaces the bundled libraries whole, so nothing of the old version lingers.
; Only inside {app}: the data folder is elsewhere and never touched.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Comment: "{cm:ShortcutComment}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Comment: "{cm:ShortcutComment}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:StartNow}"; Flags: nowait postinstall skipifsilent
