/**
 * The legacy converter configurations the wiki cards were made with, kept verbatim as data.
 * Source: SigmaHQ/legacy-sigmatools `tools/config/*.yml`, LGPL-3.0 (data files, unmodified).
 */

export const BUNDLED_CONFIGS: Readonly<Record<string, string>> = {
  'powershell': `title: Logsource to LogName mappings for PowerShell backend
order: 20
backends:
    - powershell
logsources:
    windows-application:
        product: windows
        service: application
        conditions:
            LogName: 'Application'
    windows-security:
        product: windows
        service: security
        conditions:
            LogName: 'Security'
    windows-system:
        product: windows
        service: system
        conditions:
            LogName: 'System'
    windows-sysmon:
        product: windows
        service: sysmon
        conditions:
            LogName: 'Microsoft-Windows-Sysmon/Operational'
    windows-powershell:
        product: windows
        service: powershell
        conditions:
            LogName:
                - 'Microsoft-Windows-PowerShell/Operational'
                - 'PowerShellCore/Operational'
    windows-classicpowershell:
        product: windows
        service: powershell-classic
        conditions:
            LogName: 'Windows PowerShell'
    windows-taskscheduler:
        product: windows
        service: taskscheduler
        conditions:
            LogName: 'Microsoft-Windows-TaskScheduler/Operational'
    windows-wmi:
        product: windows
        service: wmi
        conditions:
            LogName: 'Microsoft-Windows-WMI-Activity/Operational'
    windows-dns-server:
        product: windows
        service: dns-server
        conditions:
            LogName: 'DNS Server'
    windows-dns-server-audit:
        product: windows
        service: dns-server-audit
        conditions:
            LogName: 'Microsoft-Windows-DNS-Server/Audit'
    windows-driver-framework:
        product: windows
        service: driver-framework
        conditions:
            LogName: 'Microsoft-Windows-DriverFrameworks-UserMode/Operational'
    windows-ntlm:
        product: windows
        service: ntlm
        conditions:
            LogName: 'Microsoft-Windows-NTLM/Operational'
    windows-dhcp:
        product: windows
        service: dhcp
        conditions:
            LogName: 'Microsoft-Windows-DHCP-Server/Operational'
    windows-defender:
        product: windows
        service: windefend
        conditions:
            LogName: 'Microsoft-Windows-Windows Defender/Operational'
    windows-applocker:
        product: windows
        service: applocker
        conditions:
            LogName:
                - 'Microsoft-Windows-AppLocker/MSI and Script'
                - 'Microsoft-Windows-AppLocker/EXE and DLL'
                - 'Microsoft-Windows-AppLocker/Packaged app-Deployment'
                - 'Microsoft-Windows-AppLocker/Packaged app-Execution'
    windows-msexchange-management:
        product: windows
        service: msexchange-management
        conditions:
            LogName: 'MSExchange Management'
    windows-printservice-admin:
        product: windows
        service: printservice-admin
        conditions:
            LogName: 'Microsoft-Windows-PrintService/Admin'
    windows-printservice-operational:
        product: windows
        service: printservice-operational
        conditions:
            LogName: 'Microsoft-Windows-PrintService/Operational'
    windows-terminalservices-localsessionmanager-operational:
        product: windows
        service: terminalservices-localsessionmanager
        conditions:
            LogName: 'Microsoft-Windows-TerminalServices-LocalSessionManager/Operational'
    windows-codeintegrity-operational:
        product: windows
        service: codeintegrity-operational
        conditions:
            LogName: 'Microsoft-Windows-CodeIntegrity/Operational'
    windows-smbclient-security:
        product: windows
        service: smbclient-security
        conditions:
            LogName: 'Microsoft-Windows-SmbClient/Security'
    windows-firewall-advanced-security:
        product: windows
        service: firewall-as
        conditions:
            LogName: 'Microsoft-Windows-Windows Firewall With Advanced Security/Firewall'
    windows-bits-client:
        product: windows
        service: bits-client
        conditions:
            LogName: 'Microsoft-Windows-Bits-Client/Operational'
    windows-security-mitigations:
        product: windows
        service: security-mitigations
        conditions:
            LogName:
                - 'Microsoft-Windows-Security-Mitigations/Kernel Mode'
                - 'Microsoft-Windows-Security-Mitigations/User Mode'
    windows-diagnosis:
        product: windows
        service: diagnosis-scripted
        conditions:
            LogName: 'Microsoft-Windows-Diagnosis-Scripted/Operational'
    windows-shell-core:
        product: windows
        service: shell-core
        conditions:
            LogName: 'Microsoft-Windows-Shell-Core/Operational'
    windows-openssh:
        product: windows
        service: openssh
        conditions:
            LogName: 'OpenSSH/Operational'
    windows-ldap-debug:
        product: windows
        service: ldap_debug
        conditions:
            LogName: 'Microsoft-Windows-LDAP-Client/Debug'
    windows-bitlocker:
        product: windows
        service: bitlocker
        conditions:
            LogName: 'Microsoft-Windows-BitLocker/BitLocker Management'
    windows-vhdmp-operational:
        product: windows
        service: vhdmp
        conditions:
            LogName: 'Microsoft-Windows-VHDMP/Operational'
    windows-appxdeployment-server:
        product: windows
        service: appxdeployment-server
        conditions:
            LogName: 'Microsoft-Windows-AppXDeploymentServer/Operational'
    windows-lsa-server:
        product: windows
        service: lsa-server
        conditions:
            LogName: 'Microsoft-Windows-LSA/Operational'
    windows-appxpackaging-om:
        product: windows
        service: appxpackaging-om
        conditions:
            LogName: 'Microsoft-Windows-AppxPackaging/Operational'
    windows-dns-client:
        product: windows
        service: dns-client
        conditions:
            LogName: 'Microsoft-Windows-DNS Client Events/Operational'
    windows-appmodel-runtime:
        product: windows
        service: appmodel-runtime
        conditions:
            LogName: 'Microsoft-Windows-AppModel-Runtime/Admin'
`,
  'winlogbeat': `title: Elastic Winlogbeat (from 7.x) index pattern and field mapping
order: 20
backends:
    - es-qs
    - es-dsl
    - es-rule
    - kibana
    - kibana-ndjson
    - xpack-watcher
    - elastalert
    - elastalert-dsl
    - ee-outliers
    - opensearch-monitor
logsources:
    windows:
        product: windows
        index: winlogbeat-*
    windows-application:
        product: windows
        service: application
        conditions:
            winlog.channel: Application
    windows-security:
        product: windows
        service: security
        conditions:
            winlog.channel: Security
    windows-system:
        product: windows
        service: system
        conditions:
            winlog.channel: System
    windows-sysmon:
        product: windows
        service: sysmon
        conditions:
            winlog.channel: 'Microsoft-Windows-Sysmon/Operational'
    windows-powershell:
        product: windows
        service: powershell
        conditions:
            winlog.channel:
                - 'Microsoft-Windows-PowerShell/Operational'
                - 'PowerShellCore/Operational'
    windows-classicpowershell:
        product: windows
        service: powershell-classic
        conditions:
            winlog.channel: 'Windows PowerShell'
    windows-dns-server:
        product: windows
        service: dns-server
        conditions:
            winlog.channel: 'DNS Server'
    windows-driver-framework:
        product: windows
        service: driver-framework
        conditions:
            winlog.channel: 'Microsoft-Windows-DriverFrameworks-UserMode/Operational'
    windows-dhcp:
        product: windows
        service: dhcp
        conditions:
            winlog.channel: 'Microsoft-Windows-DHCP-Server/Operational'
    windows-ntlm:
        product: windows
        service: ntlm
        conditions:
            winlog.channel: 'Microsoft-Windows-NTLM/Operational'
    windows-defender:
        product: windows
        service: windefend
        conditions:
            winlog.channel: 'Microsoft-Windows-Windows Defender/Operational'
    windows-printservice-admin:
        product: windows
        service: printservice-admin
        conditions:
            winlog.channel: 'Microsoft-Windows-PrintService/Admin'
    windows-printservice-operational:
        product: windows
        service: printservice-operational
        conditions:
            winlog.channel: 'Microsoft-Windows-PrintService/Operational'
    windows-terminalservices-localsessionmanager-operational:
        product: windows
        service: terminalservices-localsessionmanager
        conditions:
            winlog.channel: 'Microsoft-Windows-TerminalServices-LocalSessionManager/Operational'
    windows-codeintegrity-operational:
        product: windows
        service: codeintegrity-operational
        conditions:
            winlog.channel: 'Microsoft-Windows-CodeIntegrity/Operational'
    windows-smbclient-security:
        product: windows
        service: smbclient-security
        conditions:
            winlog.channel: 'Microsoft-Windows-SmbClient/Security'
    windows-applocker:
        product: windows
        service: applocker
        conditions:
            winlog.channel:
                - 'Microsoft-Windows-AppLocker/MSI and Script'
                - 'Microsoft-Windows-AppLocker/EXE and DLL'
                - 'Microsoft-Windows-AppLocker/Packaged app-Deployment'
                - 'Microsoft-Windows-AppLocker/Packaged app-Execution'
    windows-firewall-advanced-security:
        product: windows
        service: firewall-as
        conditions:
            winlog.channel: 'Microsoft-Windows-Windows Firewall With Advanced Security/Firewall'
    windows-bits-client:
        product: windows
        service: bits-client
        conditions:
            winlog.channel: 'Microsoft-Windows-Bits-Client/Operational'
    windows-security-mitigations:
        product: windows
        service: security-mitigations
        conditions:
            winlog.channel:
                - 'Microsoft-Windows-Security-Mitigations/Kernel Mode'
                - 'Microsoft-Windows-Security-Mitigations/User Mode'
    windows-diagnosis:
        product: windows
        service: diagnosis-scripted
        conditions:
            winlog.channel: 'Microsoft-Windows-Diagnosis-Scripted/Operational'
    windows-shell-core:
        product: windows
        service: shell-core
        conditions:
            winlog.channel: 'Microsoft-Windows-Shell-Core/Operational'
    windows-openssh:
        product: windows
        service: openssh
        conditions:
            winlog.channel: 'OpenSSH/Operational'
    windows-ldap-debug:
        product: windows
        service: ldap_debug
        conditions:
            winlog.channel: 'Microsoft-Windows-LDAP-Client/Debug'
    windows-bitlocker:
        product: windows
        service: bitlocker
        conditions:
            winlog.channel: 'Microsoft-Windows-BitLocker/BitLocker Management'
    windows-vhdmp-operational:
        product: windows
        service: vhdmp
        conditions:
            winlog_channel: 'Microsoft-Windows-VHDMP/Operational'
    windows-appxdeployment-server:
        product: windows
        service: appxdeployment-server
        conditions:
            winlog_channel: 'Microsoft-Windows-AppXDeploymentServer/Operational'
    windows-lsa-server:
        product: windows
        service: lsa-server
        conditions:
            winlog_channel: 'Microsoft-Windows-LSA/Operational'
    windows-appxpackaging-om:
        product: windows
        service: appxpackaging-om
        conditions:
            winlog_channel: 'Microsoft-Windows-AppxPackaging/Operational'
    windows-dns-client:
        product: windows
        service: dns-client
        conditions:
            winlog_channel: 'Microsoft-Windows-DNS Client Events/Operational'
    windows-appmodel-runtime:
        product: windows
        service: appmodel-runtime
        conditions:
            winlog_channel: 'Microsoft-Windows-AppModel-Runtime/Admin'
defaultindex: winlogbeat-*
# Extract all field names with yq:
# yq -r '.detection | del(.condition) | map(keys) | .[][]' $(find sigma/rules/windows -name '*.yml') | sort -u | grep -v ^EventID$ | sed 's/^\\(.*\\)/    \\1: winlog.event_data.\\1/g'
# Keep EventID! Clean up the list afterwards!
fieldmappings:
    EventID: winlog.event_id
    AccessMask: winlog.event_data.AccessMask
    AccessList: winlog.event_data.AccessList
    AccountName: winlog.event_data.AccountName
    AllowedToDelegateTo: winlog.event_data.AllowedToDelegateTo
    AttributeLDAPDisplayName: winlog.event_data.AttributeLDAPDisplayName
    AuditPolicyChanges: winlog.event_data.AuditPolicyChanges
    AuthenticationPackageName: winlog.event_data.AuthenticationPackageName
    CallingProcessName: winlog.event_data.CallingProcessName
    CallTrace: winlog.event_data.CallTrace
    Channel: winlog.channel
    CommandLine: winlog.event_data.CommandLine
    ComputerName: winlog.ComputerName
    CurrentDirectory: winlog.event_data.CurrentDirectory
    Description: winlog.event_data.Description
    DestinationHostname: winlog.event_data.DestinationHostname
    DestinationIp: winlog.event_data.DestinationIp
    dst_ip: winlog.event_data.DestinationIp
    DestinationIsIpv6: winlog.event_data.DestinationIsIpv6
    DestinationPort: winlog.event_data.DestinationPort
    dst_port: winlog.event_data.DestinationPort
    Details: winlog.event_data.Details
    EngineVersion: winlog.event_data.EngineVersion
    EventType: winlog.event_data.EventType
    FailureCode: winlog.event_data.FailureCode
    FileName: winlog.event_data.FileName
    GrantedAccess: winlog.event_data.GrantedAccess
    GroupName: winlog.event_data.GroupName
    GroupSid: winlog.event_data.GroupSid
    Hashes: winlog.event_data.Hashes
    HiveName: winlog.event_data.HiveName
    HostVersion: winlog.event_data.HostVersion
    Image: winlog.event_data.Image
    ImageLoaded: winlog.event_data.ImageLoaded
    ImagePath: winlog.event_data.ImagePath
    Imphash: winlog.event_data.Hashes
    IpAddress: winlog.event_data.IpAddress
    KeyLength: winlog.event_data.KeyLength
    LogonProcessName: winlog.event_data.LogonProcessName
    LogonType: winlog.event_data.LogonType
    NewProcessName: winlog.event_data.NewProcessName
    ObjectClass: winlog.event_data.ObjectClass
    ObjectName: winlog.event_data.ObjectName
    ObjectType: winlog.event_data.ObjectType
    ObjectValueName: winlog.event_data.ObjectValueName
    OriginalFileName: winlog.event_data.OriginalFileName
    ParentCommandLine: winlog.event_data.ParentCommandLine
    ParentProcessName: winlog.event_data.ParentProcessName
    ParentImage: winlog.event_data.ParentImage
    Path: winlog.event_data.Path
    PipeName: winlog.event_data.PipeName
    ProcessCommandLine: winlog.event_data.ProcessCommandLine
    ProcessName: winlog.event_data.ProcessName
    Product: winlog.event_data.Product
    Properties: winlog.event_data.Properties
    RuleName: winlog.event_data.RuleName
    ScriptBlockText: winlog.event_data.ScriptBlockText
    SecurityID: winlog.event_data.SecurityID
    ServiceFileName: winlog.event_data.ServiceFileName
    ServiceName: winlog.event_data.ServiceName
    ShareName: winlog.event_data.ShareName
    Signature: winlog.event_data.Signature
    Source: winlog.event_data.Source
    SourceImage: winlog.event_data.SourceImage
    SourceIp: winlog.event_data.SourceIp
    src_ip: winlog.event_data.SourceIp
    SourcePort: winlog.event_data.SourcePort
    src_port: winlog.event_data.SourcePort
    StartModule: winlog.event_data.StartModule
    Status: winlog.event_data.Status
    SubjectUserName: winlog.event_data.SubjectUserName
    SubjectUserSid: winlog.event_data.SubjectUserSid
    TargetFilename: winlog.event_data.TargetFilename
    TargetImage: winlog.event_data.TargetImage
    TargetObject: winlog.event_data.TargetObject
    TicketEncryptionType: winlog.event_data.TicketEncryptionType
    TicketOptions: winlog.event_data.TicketOptions
    User: winlog.event_data.User
    WorkstationName: winlog.event_data.WorkstationName
    # Channel: WLAN-Autoconfig AND EventID: 8001
    AuthenticationAlgorithm: winlog.event_data.AuthenticationAlgorithm
    BSSID: winlog.event_data.BSSID
    BSSType: winlog.event_data.BSSType
    CipherAlgorithm: winlog.event_data.CipherAlgorithm
    ConnectionId: winlog.event_data.ConnectionId
    ConnectionMode: winlog.event_data.ConnectionMode
    InterfaceDescription: winlog.event_data.InterfaceDescription
    InterfaceGuid: winlog.event_data.InterfaceGuid
    OnexEnabled: winlog.event_data.OnexEnabled
    PHYType: winlog.event_data.PHYType
    ProfileName: winlog.event_data.ProfileName
    SSID: winlog.event_data.SSID
    # powershell
    SequenceNumber: winlog.event_data.SequenceNumber
    NewEngineState: winlog.event_data.NewEngineState
    PreviousEngineState: winlog.event_data.PreviousEngineState
    NewProviderState: winlog.event_data.NewProviderState
    ProviderName: winlog.event_data.ProviderName
    Provider_Name: winlog.provider_name
    HostId: winlog.event_data.HostId
    HostApplication: winlog.event_data.HostApplication
    HostName: winlog.event_data.HostName
    Payload: winlog.event_data.Payload
    ContextInfo: winlog.event_data.ContextInfo
    # from here missing field at 20210706
    Accesses: winlog.event_data.Accesses
    AttributeValue: winlog.event_data.AttributeValue
    AuditSourceName: winlog.event_data.AuditSourceName
    AuthenticationPackage: winlog.event_data.AuthenticationPackageName
    CallerProcessName: winlog.event_data.CallerProcessName
    ClassName: winlog.event_data.ClassName
    ClassId: winlog.event_data.ClassId
    Company: winlog.event_data.Company
    DestAddress: winlog.event_data.DestAddress
    Destination: winlog.event_data.Destination
    DestPort: winlog.event_data.DestPort
    Device: winlog.event_data.Device
    DeviceDescription: winlog.event_data.DeviceDescription
    # DeviceName =>  Microsoft-Windows-Ntfs  EventID: 98
    DeviceName: winlog.event_data.DeviceName
    # ErrorCode =>  printservice-admin  EventID: 4909 or 808
    ErrorCode: winlog.event_data.ErrorCode 
    FilePath: winlog.event_data.FilePath
    FileVersion: winlog.event_data.FileVersion
    # Filename =>  category: antivirus
    Filename: winlog.event_data.Filename
    Initiated: winlog.event_data.Initiated
    IntegrityLevel: winlog.event_data.IntegrityLevel
    LayerRTID: winlog.event_data.LayerRTID
    LDAPDisplayName: winlog.event_data.LDAPDisplayName
    # Level => Source: MSExchange Control Panel EventID: 4
    Level: winlog.event_data.Level
    LogonId: winlog.event_data.LogonId
    NewName: winlog.event_data.NewName
    NewValue: winlog.event_data.NewValue
    ObjectServer: winlog.event_data.ObjectServer
    PasswordLastSet: winlog.event_data.PasswordLastSet
    PrivilegeList: winlog.event_data.PrivilegeList
    QueryName: winlog.event_data.QueryName
    QueryResults: winlog.event_data.QueryResults
    QueryStatus: winlog.event_data.QueryStatus
    RelativeTargetName: winlog.event_data.RelativeTargetName
    SamAccountName: winlog.event_data.SamAccountName
    Service: winlog.event_data.Service
    ServicePrincipalNames: winlog.event_data.ServicePrincipalNames
    sha1: winlog.event_data.Hashes
    SidHistory: winlog.event_data.SidHistory
    Signed: winlog.event_data.Signed
    SourceAddress: winlog.event_data.SourceAddress
    StartFunction: winlog.event_data.StartFunction
    SubjectLogonId: winlog.event_data.SubjectLogonId
    TargetFileName: winlog.event_data.TargetFilename
    TargetProcessAddress: winlog.event_data.TargetProcessAddress
    TargetServerName: winlog.event_data.TargetServerName
    TargetLogonId: winlog.event_data.TargetLogonId
    TaskName: winlog.event_data.TaskName
    # UserName => smbclient-security  eventid:31017
    UserName: winlog.event_data.UserName 
    Workstation: winlog.event_data.Workstation
`,
  'splunk-windows': `title: Splunk Windows log source conditions
order: 20
backends:
    - splunk
    - splunkxml
    - splunkdm
logsources:
    windows-application:
        product: windows
        service: application
        conditions:
            source: 'WinEventLog:Application'
    windows-security:
        product: windows
        service: security
        conditions:
            source: 'WinEventLog:Security'
    windows-system:
        product: windows
        service: system
        conditions:
            source: 'WinEventLog:System'
    windows-sysmon:
        product: windows
        service: sysmon
        conditions:
            source: 'WinEventLog:Microsoft-Windows-Sysmon/Operational'
    windows-process-creation:
        product: windows
        service: sysmon
        category: process_creation
        # Optimized search for process creation, being dramatically faster in Lispy than just EventCode=1 search, as 'ParentProcessGuid' is more unique than '1' in the raw data.
        # This also supports custom splunk macros, just like they are written in splunk (i.e. as \`macro\`), minding that it has to be written inside the string quotes here.
        search: 'ParentProcessGuid EventCode=1'
    windows-file-creation:
        product: windows
        service: sysmon
        category: file_creation
        search: 'TargetFilename EventCode=11'
    windows-powershell:
        product: windows
        service: powershell
        conditions:
            source:
                - 'WinEventLog:Microsoft-Windows-PowerShell/Operational'
                - 'WinEventLog:PowerShellCore/Operational'
    windows-classicpowershell:
        product: windows
        service: powershell-classic
        conditions:
            source: 'WinEventLog:Windows PowerShell'
    windows-taskscheduler:
        product: windows
        service: taskscheduler
        conditions:
            source: 'WinEventLog:Microsoft-Windows-TaskScheduler/Operational'
    windows-wmi:
        product: windows
        service: wmi
        conditions:
            source: 'WinEventLog:Microsoft-Windows-WMI-Activity/Operational'
    windows-dns-server:
        product: windows
        service: dns-server
        category: dns
        conditions:
            source: 'WinEventLog:DNS Server'
    windows-dns-server-audit:
        product: windows
        service: dns-server-audit
        conditions:
            source: 'WinEventLog:Microsoft-Windows-DNS-Server/Audit'
    windows-driver-framework:
        product: windows
        service: driver-framework
        conditions:
            source: 'WinEventLog:Microsoft-Windows-DriverFrameworks-UserMode/Operational'
    windows-ntlm:
        product: windows
        service: ntlm
        conditions:
            source: 'WinEventLog:Microsoft-Windows-NTLM/Operational'
    windows-dhcp:
        product: windows
        service: dhcp
        conditions:
            source: 'WinEventLog:Microsoft-Windows-DHCP-Server/Operational'
    windows-applocker:
        product: windows
        service: applocker
        conditions:
            source:
                - 'WinEventLog:Microsoft-Windows-AppLocker/MSI and Script'
                - 'WinEventLog:Microsoft-Windows-AppLocker/EXE and DLL'
                - 'WinEventLog:Microsoft-Windows-AppLocker/Packaged app-Deployment'
                - 'WinEventLog:Microsoft-Windows-AppLocker/Packaged app-Execution'
    windows-msexchange-management:
        product: windows
        service: msexchange-management
        conditions:
            source: 'WinEventLog:MSExchange Management'
    windows-printservice-admin:
        product: windows
        service: printservice-admin
        conditions:
            source: 'WinEventLog:Microsoft-Windows-PrintService/Admin'
    windows-printservice-operational:
        product: windows
        service: printservice-operational
        conditions:
            source: 'WinEventLog:Microsoft-Windows-PrintService/Operational'
    windows-terminalservices-localsessionmanager-operational:
        product: windows
        service: terminalservices-localsessionmanager
        conditions:
            source: 'WinEventLog:Microsoft-Windows-TerminalServices-LocalSessionManager/Operational'
    windows-codeintegrity-operational:
        product: windows
        service: codeintegrity-operational
        conditions:
            source: 'WinEventLog:Microsoft-Windows-CodeIntegrity/Operational'
    windows-smbclient-security:
        product: windows
        service: smbclient-security
        conditions:
            source: 'WinEventLog:Microsoft-Windows-SmbClient/Security'
    windows-rpc-firewall:
        product: rpc_firewall
        category: application
        conditions:
            source: 'WinEventLog:RPCFW'
    windows-firewall-advanced-security:
        product: windows
        service: firewall-as
        conditions:
            source: 'WinEventLog:Microsoft-Windows-Windows Firewall With Advanced Security/Firewall'
    windows-bits-client:
        product: windows
        service: bits-client
        conditions:
            source: 'WinEventLog:Microsoft-Windows-Bits-Client/Operational'
    windows-security-mitigations:
        product: windows
        service: security-mitigations
        conditions:
            source:
                - 'WinEventLog:Microsoft-Windows-Security-Mitigations/Kernel Mode'
                - 'WinEventLog:Microsoft-Windows-Security-Mitigations/User Mode'
    windows-diagnosis:
        product: windows
        service: diagnosis-scripted
        conditions:
            source: 'WinEventLog:Microsoft-Windows-Diagnosis-Scripted/Operational'
    windows-shell-core:
        product: windows
        service: shell-core
        conditions:
            source: 'WinEventLog:Microsoft-Windows-Shell-Core/Operational'
    windows-openssh:
        product: windows
        service: openssh
        conditions:
            source: 'WinEventLog:OpenSSH/Operational'
    windows-ldap-debug:
        product: windows
        service: ldap_debug
        conditions:
            source: 'WinEventLog:Microsoft-Windows-LDAP-Client/Debug'
    windows-bitlocker:
        product: windows
        service: bitlocker
        conditions:
            source: 'WinEventLog:Microsoft-Windows-BitLocker/BitLocker Management'
    windows-defender:
        product: windows
        service: windefend
        conditions:
            source: 'WinEventLog:Microsoft-Windows-Windows Defender/Operational'
    windows-vhdmp-operational:
        product: windows
        service: vhdmp
        conditions:
            source: 'WinEventLog:Microsoft-Windows-VHDMP/Operational'
    windows-appxdeployment-server:
        product: windows
        service: appxdeployment-server
        conditions:
            source: 'WinEventLog:Microsoft-Windows-AppXDeploymentServer/Operational'
    windows-lsa-server:
        product: windows
        service: lsa-server
        conditions:
            source: 'WinEventLog:Microsoft-Windows-LSA/Operational'
    windows-appxpackaging-om:
        product: windows
        service: appxpackaging-om
        conditions:
            source: 'WinEventLog:Microsoft-Windows-AppxPackaging/Operational'
    windows-dns-client:
        product: windows
        service: dns-client
        conditions:
            source: 'WinEventLog:Microsoft-Windows-DNS Client Events/Operational'
    windows-appmodel-runtime:
        product: windows
        service: appmodel-runtime
        conditions:
            source: 'WinEventLog:Microsoft-Windows-AppModel-Runtime/Admin'
fieldmappings:
  EventID: EventCode
`,
  'logpoint-windows': `title: Logpoint
order: 20
backends:
    - logpoint
logsources:
    windows-security:
        product: windows
        service: security
        conditions:
            event_source: 'Microsoft-Windows-Security-Auditing'
    windows-system:
        product: windows
        service: system
        conditions:
            event_source: 'Microsoft-Windows-Security-Auditing'
    windows-dns-server:
        product: windows
        service: dns-server
        conditions:
            event_source: 'DNS Server'
    windows-driver-framework:
        product: windows
        service: driver-framework
        conditions:
            event_source: 'Microsoft-Windows-DriverFrameworks-UserMode/Operational'
    windows-dhcp:
        product: windows
        service: dhcp
        conditions:
            event_source: 'Microsoft-Windows-DHCP-Server/Operational'
    windows-ntlm:
        product: windows
        service: ntlm
        conditions:
            event_source: 'Microsoft-Windows-NTLM/Operational'
    windows-applocker:
        product: windows
        service: applocker
        conditions:
            event_source:
                - 'Microsoft-Windows-AppLocker/MSI and Script'
                - 'Microsoft-Windows-AppLocker/EXE and DLL'
                - 'Microsoft-Windows-AppLocker/Packaged app-Deployment'
                - 'Microsoft-Windows-AppLocker/Packaged app-Execution'
    windows-msexchange-management:
        product: windows
        service: msexchange-management
        conditions:
            event_source: 'MSExchange Management'
    windows-printservice-admin:
        product: windows
        service: printservice-admin
        conditions:
            event_source: 'Microsoft-Windows-PrintService/Admin'
    windows-printservice-operational:
        product: windows
        service: printservice-operational
        conditions:
            event_source: 'Microsoft-Windows-PrintService/Operational'
    windows-terminalservices-localsessionmanager-operational:
        product: windows
        service: terminalservices-localsessionmanager
        conditions:
            event_source: 'Microsoft-Windows-TerminalServices-LocalSessionManager/Operational'
    windows-codeintegrity-operational:
        product: windows
        service: codeintegrity-operational
        conditions:
            event_source: 'Microsoft-Windows-CodeIntegrity/Operational'
    windows-smbclient-security:
        product: windows
        service: smbclient-security
        conditions:
            event_source: 'Microsoft-Windows-SmbClient/Security'
    windows-firewall-advanced-security:
        product: windows
        service: firewall-as
        conditions:
            event_source: 'Microsoft-Windows-Windows Firewall With Advanced Security/Firewall'
    windows-bits-client:
        product: windows
        service: bits-client
        conditions:
            event_source: 'Microsoft-Windows-Bits-Client/Operational'
    windows-security-mitigations:
        product: windows
        service: security-mitigations
        conditions:
            event_source:
                - 'Microsoft-Windows-Security-Mitigations/Kernel Mode'
                - 'Microsoft-Windows-Security-Mitigations/User Mode'
    windows-diagnosis:
        product: windows
        service: diagnosis-scripted
        conditions:
            event_source: 'Microsoft-Windows-Diagnosis-Scripted/Operational'
    windows-shell-core:
        product: windows
        service: shell-core
        conditions:
            event_source: 'Microsoft-Windows-Shell-Core/Operational'
    windows-openssh:
        product: windows
        service: openssh
        conditions:
            event_source: 'OpenSSH/Operational'
    windows-ldap-debug:
        product: windows
        service: ldap_debug
        conditions:
            event_source: 'Microsoft-Windows-LDAP-Client/Debug'
    windows-bitlocker:
        product: windows
        service: bitlocker
        conditions:
            event_source: 'Microsoft-Windows-BitLocker/BitLocker Management'
    windows-vhdmp-operational:
        product: windows
        service: vhdmp
        conditions:
            event_source: 'Microsoft-Windows-VHDMP/Operational'
    windows-appxdeployment-server:
        product: windows
        service: appxdeployment-server
        conditions:
            event_source: 'Microsoft-Windows-AppXDeploymentServer/Operational'
    windows-lsa-server:
        product: windows
        service: lsa-server
        conditions:
            event_source: 'Microsoft-Windows-LSA/Operational'
    windows-appxpackaging-om:
        product: windows
        service: appxpackaging-om
        conditions:
            event_source: 'Microsoft-Windows-AppxPackaging/Operational'
    windows-dns-client:
        product: windows
        service: dns-client
        conditions:
            event_source: 'Microsoft-Windows-DNS Client Events/Operational'
    windows-appmodel-runtime:
        product: windows
        service: appmodel-runtime
        conditions:
            event_source: 'Microsoft-Windows-AppModel-Runtime/Admin'
fieldmappings:
    EventID: event_id
    FailureCode: result_code
    GroupName: group_name
    GroupSid: group_sid
    KeyLength: key_length
    LogonProcessName: logon_process
    LogonType: logon_type
    ServiceName: service
    SubjectAccountName:
        EventID=4611:
            - user
        EventID=4624:
            - target_user
            - caller_user
        EventID=4625:
            - target_user
            - caller_user
        EventID=4634:
            - user
        EventID=4648:
            - target_user
            - caller_user
        EventID=4662:
            - user
        EventID=4672:
            - user
        EventID=4688:
            - user
        EventID=4719:
            - user
        EventID=4720:
            - target_user
            - caller_user
        EventID=4722:
            - target_user
            - caller_user
        EventID=4723:
            - target_user
            - caller_user
        EventID=4724:
            - target_user
            - caller_user
        EventID=4728:
            - user
            - member
        EventID=4729:
            - user
            - member
        EventID=4731:
            - user
        EventID=4732:
            - user
            - member
        EventID=4735:
            - user
        EventID=4737:
            - user
        EventID=4738:
            - target_user
            - caller_user
        EventID=4740:
            - target_user
            - caller_user
        EventID=4742:
            - target_user
            - caller_user
        EventID=4755:
            - user
        EventID=4756:
            - user
            - member
        EventID=4757:
            - user
            - member
        EventID=4767:
            - target_user
            - caller_user
        EventID=4768:
            - user
        EventID=4769:
            - user
        EventID=4770:
            - user
        EventID=4771:
            - user
        EventID=4774:
            - user
        EventID=4776:
            - user
        EventID=4781:
            - target_user
            - caller_user
        EventID=4904:
            - user
        EventID=4905:
            - user
        EventID=5061:
            - user
        EventID=5136:
            - user
        EventID=5137:
            - user
        default:
            - caller_user
            - target_user
            - user
            - member
    TicketOptions: ticket_options
    TicketEnctyption: ticket_encryption
    Type: event_type
    UserName:
        default:
            - caller_user
            - target_user
            - user
            - member
    SourceWorkstation: workstation
`,
}
