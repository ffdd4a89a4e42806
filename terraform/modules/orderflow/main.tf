# The whole AWS side of one orderflow environment. Environment roots only choose values.
terraform {
  required_providers {
    aws = {
      source                = "hashicorp/aws"
      configuration_aliases = [aws.dr]
    }
  }
}

data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}

locals {
  dr   = var.dr_region != null
  size = local.sizes[var.size]
  tags = merge(var.tags, { project = "orderflow", environment = var.environment })
  # The services publish their meters here and the alarms read them from here: one value for both.
  metrics_namespace = coalesce(try(var.metrics.namespace, null), "Orderflow")
}

module "kms" {
  source = "../kms"
  name   = var.environment
  tags   = local.tags
}

module "kms_dr" {
  source    = "../kms"
  count     = local.dr ? 1 : 0
  providers = { aws = aws.dr }
  name      = "${var.environment}-dr"
  tags      = local.tags
}

module "dynamodb" {
  source              = "../dynamodb"
  name_prefix         = var.name_prefix
  billing_mode        = var.billing_mode
  capacity            = local.size.dynamodb
  scheduled_scaling   = var.scheduled_scaling
  kms_key_arn         = module.kms.key_arn
  deletion_protection = var.deletion_protection
  replica_region      = var.dr_region
  replica_kms_key_arn = try(module.kms_dr[0].key_arn, null)
  tags                = local.tags
}

module "backup" {
  source           = "../backup"
  providers        = { aws = aws, aws.dr = aws.dr }
  environment      = var.environment
  partition        = data.aws_partition.current.partition
  table_arns       = [module.dynamodb.table_arns["events"], module.dynamodb.table_arns["snapshots"]]
  retention_days   = var.backup_retention_days
  kms_key_arn      = module.kms.key_arn
  copy_region      = var.dr_region
  copy_kms_key_arn = try(module.kms_dr[0].key_arn, null)
  tags             = local.tags
}

module "archive" {
  source              = "../archive"
  providers           = { aws = aws, aws.dr = aws.dr }
  environment         = var.environment
  kms_key_arn         = module.kms.key_arn
  events_table_arn    = module.dynamodb.table_arns["events"]
  events_stream_arn   = module.dynamodb.events_stream_arn
  package_path        = var.archive_lambda_package
  lifecycle_days      = var.archive_lifecycle_days
  log_retention_days  = var.log_retention_days
  force_destroy       = !var.deletion_protection
  replica_region      = var.dr_region
  replica_kms_key_arn = try(module.kms_dr[0].key_arn, null)
  tags                = local.tags
}

module "messaging" {
  source            = "../messaging"
  name_prefix       = var.name_prefix
  kms_key_arn       = module.kms.key_arn
  subscriber_queues = var.subscriber_queues
  tags              = local.tags
}

module "compute" {
  source                 = "../compute"
  environment            = var.environment
  vpc_id                 = var.network.vpc_id
  private_subnet_ids     = var.network.private_subnet_ids
  public_subnet_ids      = var.network.public_subnet_ids
  allowed_cidrs          = var.network.allowed_cidrs
  internal_load_balancer = var.network.internal_load_balancer
  certificate_arn        = var.certificate_arn
  image_tag              = var.image_tag
  images                 = var.images
  sizing                 = local.size.services
  temporal               = var.temporal
  table_names            = module.dynamodb.table_names
  table_arns             = module.dynamodb.table_arns
  topic_arn              = module.messaging.topic_arn
  dead_letter_queue_arns = [for q in module.messaging.dead_letter_queues : q.arn]
  archive_bucket         = module.archive.bucket_name
  archive_bucket_arn     = module.archive.bucket_arn
  kms_key_arn            = module.kms.key_arn
  metrics_namespace      = local.metrics_namespace
  log_retention_days     = var.log_retention_days
  tags                   = local.tags
}

module "monitoring" {
  source               = "../monitoring"
  environment          = var.environment
  account_id           = data.aws_caller_identity.current.account_id
  kms_key_arn          = module.kms.key_arn
  alert_emails         = var.alert_emails
  metrics              = merge(var.metrics, { namespace = local.metrics_namespace })
  metric_dimensions    = var.metric_dimensions
  table_names          = module.dynamodb.table_names
  provisioned_capacity = var.billing_mode == "PROVISIONED"
  dead_letter_queue_names = merge(
    { for k, q in module.messaging.dead_letter_queues : k => q.name },
    { archive-failures = module.archive.failure_queue.name },
  )
  topic_name    = module.messaging.topic.name
  cluster_name  = module.compute.cluster_name
  service_names = module.compute.service_names
  tags          = local.tags
}
