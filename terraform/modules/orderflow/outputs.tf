# Deployer-facing values first; then each component module whole, which the plan-time tests in
# terraform/test/ read (a test can only see a root module's outputs).
output "table_names" {
  value = module.dynamodb.table_names
}

output "topic_arn" {
  value = module.messaging.topic_arn
}

output "api_url" {
  value = module.compute.api_url
}

output "ecr_repository_urls" {
  value = module.compute.ecr_repository_urls
}

output "kms" {
  value = module.kms
}

output "dynamodb" {
  value = module.dynamodb
}

output "backup" {
  value = module.backup
}

output "archive" {
  value = module.archive
}

output "messaging" {
  value = module.messaging
}

output "compute" {
  value = module.compute
}

output "monitoring" {
  value = module.monitoring
}

output "iam_policies" {
  description = "Every inline IAM policy document of the environment, by name."
  value       = merge(module.archive.iam_policies, module.compute.iam_policies)
}
