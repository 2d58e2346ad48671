// Parameters for infra/main.bicep. Copy, fill in the two SQL admin values, then:
//   az deployment group create -g <group> -f infra/main.bicep -p infra/main.bicepparam [-p deployApp=true containerImage=...]
using './main.bicep'

param location = 'swedencentral'
param botLocation = 'westeurope'
param sqlAdminLogin = 'Trygghetsboten SQL-administratörer'
param sqlAdminObjectId = '00000000-0000-0000-0000-000000000000'
param minReplicas = 2
param allowedTenants = ''
param coordinators = ''
param organisationDomains = ''
