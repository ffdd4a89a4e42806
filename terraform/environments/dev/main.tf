# dev: on-demand tables, no deletion protection, small tasks; everything else as in prod, so a
# change is tried on the same shape it will meet there.
module "orderflow" {
  source    = "../../modules/orderflow"
  providers = { aws = aws, aws.dr = aws.dr }

  environment            = var.environment
  name_prefix            = coalesce(var.name_prefix, "${var.environment}-")
  size                   = var.size
  billing_mode           = var.billing_mode
  scheduled_scaling      = var.scheduled_scaling
  deletion_protection    = false
  dr_region              = var.dr_region
  backup_retention_days  = var.backup_retention_days
  archive_lifecycle_days = var.archive_lifecycle_days
  archive_lambda_package = coalesce(var.archive_lambda_package, "${path.root}/../../../archive-lambda/target/archive-lambda.jar")
  log_retention_days     = var.log_retention_days
  subscriber_queues      = var.subscriber_queues
  network                = var.network
  certificate_arn        = var.certificate_arn
  image_tag              = var.image_tag
  temporal               = var.temporal
  alert_emails           = var.alert_emails
  metrics                = var.metrics
  tags                   = var.tags
}
