// Trygghetsboten on Azure: Azure Bot (registration + Microsoft Teams channel), Azure Container Apps with at
// least two replicas, Azure SQL Database with Microsoft Entra authentication only, one user-assigned managed
// identity used by the bot (MicrosoftAppType=UserAssignedMSI) and for SQL (no password anywhere), a container
// registry the identity pulls from, and Application Insights on a Log Analytics workspace. EU regions only.
//
// Two passes (see README, "Deploy to Azure"):
//   1. deployApp=false: identity, registry, monitoring, SQL server and database.
//      Then create the identity's database user (T-SQL) and build the image in the registry (az acr build).
//   2. deployApp=true, containerImage=<registry>/trygghetsboten:<tag>: the container app and the bot.

targetScope = 'resourceGroup'

@description('Region of every resource but the bot registration. The data is police and social-services data: EU regions only.')
@allowed([
  'swedencentral'
  'northeurope'
  'westeurope'
  'germanywestcentral'
  'francecentral'
])
param location string = 'swedencentral'

@description('Region of the Azure Bot resource: westeurope is the regional (EU data residency) Bot Service; global is the worldwide one.')
@allowed([
  'westeurope'
  'global'
])
param botLocation string = 'westeurope'

@description('Prefix of every resource name (letters and digits, lower case).')
@minLength(3)
@maxLength(12)
param namePrefix string = 'trygghet'

@description('Display name of the Microsoft Entra group (or user) that administers the SQL server. The bot\'s identity is NOT the admin: it gets a database user of its own (README).')
param sqlAdminLogin string

@description('Object id of that Entra group (or user).')
param sqlAdminObjectId string

@description('Group or User.')
@allowed([
  'Group'
  'User'
])
param sqlAdminPrincipalType string = 'Group'

@description('Pass 2: true deploys the container app and the bot registration.')
param deployApp bool = false

@description('Pass 2: the image built in the registry, e.g. trygghetabc.azurecr.io/trygghetsboten:1.')
param containerImage string = ''

@description('Replicas always running: at least two (digests, reminders and retention are claimed once across instances).')
@minValue(2)
@maxValue(10)
param minReplicas int = 2

@description('Replicas at most, scaled on concurrent HTTP requests.')
@minValue(2)
@maxValue(30)
param maxReplicas int = 4

@description('ALLOWED_TENANTS: comma-separated tenant ids; empty = only the tenant of the managed identity (the municipality).')
param allowedTenants string = ''

@description('COORDINATORS: comma-separated tenantId/objectId of the coordinators.')
param coordinators string = ''

@description('ORGANISATION_DOMAINS, e.g. polisen.se=polisen,kungsor.se=kommunen.')
param organisationDomains string = ''

@description('Bot Service pricing tier: F0 (free, standard channels such as Teams are free) or S1.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

var suffix = take(uniqueString(resourceGroup().id), 6)
var names = {
  identity: '${namePrefix}-id-${suffix}'
  logs: '${namePrefix}-logs-${suffix}'
  insights: '${namePrefix}-ai-${suffix}'
  registry: '${namePrefix}acr${suffix}'
  sqlServer: '${namePrefix}-sql-${suffix}'
  database: 'trygghetsboten'
  environment: '${namePrefix}-env-${suffix}'
  app: '${namePrefix}-bot-${suffix}'
  bot: '${namePrefix}-bot-${suffix}'
}
var acrPullRoleId = '7f951dda-4ed3-4680-a7ca-43fe172d538d'
var botPort = 3978

// ---------------------------------------------------------------------------------------------------------
// Identity, registry, monitoring
// ---------------------------------------------------------------------------------------------------------

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: names.identity
  location: location
}

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: names.registry
  location: location
  sku: {
    name: 'Basic'
  }
  properties: {
    adminUserEnabled: false
  }
}

resource acrPull 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(registry.id, identity.id, acrPullRoleId)
  scope: registry
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', acrPullRoleId)
  }
}

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: names.logs
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 30
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: names.insights
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
  }
}

// ---------------------------------------------------------------------------------------------------------
// Azure SQL Database: Microsoft Entra authentication only (no SQL logins, no password)
// ---------------------------------------------------------------------------------------------------------

resource sqlServer 'Microsoft.Sql/servers@2023-08-01-preview' = {
  name: names.sqlServer
  location: location
  properties: {
    minimalTlsVersion: '1.2'
    publicNetworkAccess: 'Enabled'
    administrators: {
      administratorType: 'ActiveDirectory'
      azureADOnlyAuthentication: true
      login: sqlAdminLogin
      sid: sqlAdminObjectId
      principalType: sqlAdminPrincipalType
      tenantId: subscription().tenantId
    }
  }
}

// Azure services (the container app's outbound addresses are not fixed on the consumption plan).
resource sqlFirewallAzure 'Microsoft.Sql/servers/firewallRules@2023-08-01-preview' = {
  parent: sqlServer
  name: 'AllowAllWindowsAzureIps'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
}

resource database 'Microsoft.Sql/servers/databases@2023-08-01-preview' = {
  parent: sqlServer
  name: names.database
  location: location
  sku: {
    name: 'S0'
    tier: 'Standard'
  }
  properties: {
    collation: 'Finnish_Swedish_CI_AS'
    // Backups stay in the region (EU data residency).
    requestedBackupStorageRedundancy: 'Local'
  }
}

// ---------------------------------------------------------------------------------------------------------
// Container Apps: the bot, two or more replicas
// ---------------------------------------------------------------------------------------------------------

resource environment 'Microsoft.App/managedEnvironments@2024-03-01' = if (deployApp) {
  name: names.environment
  location: location
  properties: {
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: {
        customerId: logs.properties.customerId
        sharedKey: logs.listKeys().primarySharedKey
      }
    }
  }
}

var databaseUrl = 'mssql://${sqlServer.properties.fullyQualifiedDomainName}:1433/${names.database}?encrypt=true&authentication=managed-identity&clientId=${identity.properties.clientId}'

resource app 'Microsoft.App/containerApps@2024-03-01' = if (deployApp) {
  name: names.app
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  dependsOn: [
    acrPull
  ]
  properties: {
    managedEnvironmentId: environment.id
    configuration: {
      activeRevisionsMode: 'Single'
      ingress: {
        external: true
        targetPort: botPort
        transport: 'http'
        allowInsecure: false
      }
      registries: [
        {
          server: registry.properties.loginServer
          identity: identity.id
        }
      ]
    }
    template: {
      containers: [
        {
          name: 'bot'
          image: containerImage
          resources: {
            cpu: json('0.5')
            memory: '1Gi'
          }
          env: [
            { name: 'PORT', value: string(botPort) }
            { name: 'MicrosoftAppType', value: 'UserAssignedMSI' }
            { name: 'MicrosoftAppId', value: identity.properties.clientId }
            { name: 'MicrosoftAppTenantId', value: identity.properties.tenantId }
            { name: 'DATABASE_URL', value: databaseUrl }
            { name: 'PUBLIC_BASE_URL', value: 'https://${names.app}.${environment.properties.defaultDomain}' }
            { name: 'ALLOWED_TENANTS', value: allowedTenants }
            { name: 'COORDINATORS', value: coordinators }
            { name: 'ORGANISATION_DOMAINS', value: organisationDomains }
            // Which identity @azure/identity picks (the SQL driver's token), and where telemetry would go.
            { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
            { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
          ]
          probes: [
            {
              type: 'Startup'
              httpGet: { path: '/healthz', port: botPort }
              periodSeconds: 5
              failureThreshold: 24
            }
            {
              type: 'Liveness'
              httpGet: { path: '/healthz', port: botPort }
              periodSeconds: 30
              failureThreshold: 3
            }
            {
              type: 'Readiness'
              httpGet: { path: '/readyz', port: botPort }
              periodSeconds: 10
              failureThreshold: 3
            }
          ]
        }
      ]
      scale: {
        minReplicas: minReplicas
        maxReplicas: maxReplicas
        rules: [
          {
            name: 'http'
            http: {
              metadata: {
                concurrentRequests: '50'
              }
            }
          }
        ]
      }
    }
  }
}

var botHost = deployApp ? app.properties.configuration.ingress.fqdn : ''

// ---------------------------------------------------------------------------------------------------------
// Azure Bot: registration on the managed identity, Microsoft Teams channel
// ---------------------------------------------------------------------------------------------------------

resource bot 'Microsoft.BotService/botServices@2022-09-15' = if (deployApp) {
  name: names.bot
  location: botLocation
  kind: 'azurebot'
  sku: {
    name: botSku
  }
  properties: {
    displayName: 'Trygghetsboten'
    endpoint: 'https://${botHost}/api/messages'
    msaAppId: identity.properties.clientId
    msaAppType: 'UserAssignedMSI'
    msaAppMSIResourceId: identity.id
    msaAppTenantId: identity.properties.tenantId
    publicNetworkAccess: 'Enabled'
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = if (deployApp) {
  parent: bot
  name: 'MsTeamsChannel'
  location: botLocation
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      acceptedTerms: true
    }
  }
}

// Application Insights checks /healthz from two EU test locations every five minutes.
resource availability 'Microsoft.Insights/webtests@2022-06-15' = if (deployApp) {
  name: '${namePrefix}-healthz-${suffix}'
  location: location
  kind: 'standard'
  tags: {
    'hidden-link:${insights.id}': 'Resource'
  }
  properties: {
    SyntheticMonitorId: '${namePrefix}-healthz-${suffix}'
    Name: 'Trygghetsboten /healthz'
    Enabled: true
    Frequency: 300
    Timeout: 30
    Kind: 'standard'
    RetryEnabled: true
    Locations: [
      { Id: 'emea-nl-ams-azr' }
      { Id: 'emea-gb-db3-azr' }
    ]
    Request: {
      RequestUrl: 'https://${botHost}/healthz'
      HttpVerb: 'GET'
    }
    ValidationRules: {
      ExpectedHttpStatusCode: 200
      SSLCheck: true
    }
  }
}

output identityName string = identity.name
output identityClientId string = identity.properties.clientId
output tenantId string = identity.properties.tenantId
output registryLoginServer string = registry.properties.loginServer
output sqlServerFqdn string = sqlServer.properties.fullyQualifiedDomainName
output databaseName string = names.database
output botHost string = botHost
output messagingEndpoint string = deployApp ? 'https://${botHost}/api/messages' : ''
