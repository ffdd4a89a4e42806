output "api_url" {
  description = "Base URL of the REST API (load balancer)."
  value       = module.orderflow.api_url
}

output "ecr_repository_urls" {
  description = "Push the api and workers images here, tagged with image_tag."
  value       = module.orderflow.ecr_repository_urls
}

output "table_names" {
  description = "orderflow.dynamodb.tables.* for the application (already set on the ECS tasks)."
  value       = module.orderflow.table_names
}

output "order_events_topic_arn" {
  value = module.orderflow.topic_arn
}

output "subscriber_queue_urls" {
  value = module.orderflow.messaging.queue_urls
}

output "dead_letter_queue_urls" {
  value = module.orderflow.messaging.dead_letter_queue_urls
}

output "archive_bucket" {
  value = module.orderflow.archive.bucket_name
}

output "backup_vault" {
  value = module.orderflow.backup.vault_name
}

output "kms_key_arn" {
  value = module.orderflow.kms.key_arn
}

output "alert_topic_arn" {
  description = "Subscribe on-call tooling here."
  value       = module.orderflow.monitoring.alert_topic_arn
}

output "dashboard_name" {
  value = module.orderflow.monitoring.dashboard_name
}

output "ecs_cluster" {
  value = module.orderflow.compute.cluster_name
}
