# A mock provider makes up random strings for computed attributes, and only at apply. The IAM
# policies, key settings and task definitions the tests read are built from ARNs, so these give
# ARN-shaped values already at plan (override_during = plan).
mock_data "aws_caller_identity" {
  override_during = plan
  defaults        = { account_id = "123456789012" }
}

mock_data "aws_region" {
  override_during = plan
  defaults        = { name = "eu-west-1" }
}

mock_data "aws_partition" {
  override_during = plan
  defaults        = { partition = "aws" }
}

mock_resource "aws_kms_key" {
  override_during = plan
  defaults = {
    arn    = "arn:aws:kms:eu-west-1:123456789012:key/00000000-0000-0000-0000-000000000001"
    key_id = "00000000-0000-0000-0000-000000000001"
  }
}

mock_resource "aws_dynamodb_table" {
  override_during = plan
  defaults = {
    arn        = "arn:aws:dynamodb:eu-west-1:123456789012:table/mock"
    stream_arn = "arn:aws:dynamodb:eu-west-1:123456789012:table/mock/stream/2026-01-01T00:00:00.000"
  }
}

mock_resource "aws_s3_bucket" {
  override_during = plan
  defaults = {
    arn    = "arn:aws:s3:::orderflow-mock-archive"
    bucket = "orderflow-mock-archive"
    id     = "orderflow-mock-archive"
  }
}

mock_resource "aws_sqs_queue" {
  override_during = plan
  defaults = {
    arn = "arn:aws:sqs:eu-west-1:123456789012:mock.fifo"
    id  = "https://sqs.eu-west-1.amazonaws.com/123456789012/mock.fifo"
    url = "https://sqs.eu-west-1.amazonaws.com/123456789012/mock.fifo"
  }
}

mock_resource "aws_sns_topic" {
  override_during = plan
  defaults        = { arn = "arn:aws:sns:eu-west-1:123456789012:mock" }
}

mock_resource "aws_cloudwatch_log_group" {
  override_during = plan
  defaults        = { arn = "arn:aws:logs:eu-west-1:123456789012:log-group:mock" }
}

mock_resource "aws_ecr_repository" {
  override_during = plan
  defaults = {
    arn            = "arn:aws:ecr:eu-west-1:123456789012:repository/mock"
    repository_url = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/mock"
  }
}

mock_resource "aws_iam_role" {
  override_during = plan
  defaults        = { arn = "arn:aws:iam::123456789012:role/mock" }
}

mock_resource "aws_backup_vault" {
  override_during = plan
  defaults        = { arn = "arn:aws:backup:eu-central-1:123456789012:backup-vault:mock" }
}

mock_resource "aws_lb" {
  override_during = plan
  defaults = {
    arn      = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/mock/0"
    dns_name = "mock.eu-west-1.elb.amazonaws.com"
  }
}

# Distinct table ARNs, so the checks can tell which table a backup selection or policy names.
override_resource {
  target          = module.orderflow.module.dynamodb.aws_dynamodb_table.this["events"]
  override_during = plan
  values = {
    arn        = "arn:aws:dynamodb:eu-west-1:123456789012:table/order_events"
    stream_arn = "arn:aws:dynamodb:eu-west-1:123456789012:table/order_events/stream/2026-01-01T00:00:00.000"
  }
}
