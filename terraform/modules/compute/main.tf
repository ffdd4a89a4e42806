# Two Fargate services from two images: `api` (REST, workers off) and `workers` (Temporal task
# queues orders and recovery). Both talk to the same tables; only the task roles differ.
terraform {
  required_providers {
    aws = { source = "hashicorp/aws" }
  }
}

data "aws_region" "current" {}

locals {
  name = "orderflow-${var.environment}"

  # Spring Boot relaxed binding maps these onto orderflow.* (workers/.../orderflow-workers.yaml)
  # and spring.temporal.*. Empty endpoints select real AWS; Terraform owns the tables and topic,
  # so the application's bootstrap stays off.
  common_env = merge(
    { for k, t in var.table_names : "ORDERFLOW_DYNAMODB_TABLES_${upper(k)}" => t },
    {
      ORDERFLOW_AWS_REGION           = data.aws_region.current.name
      ORDERFLOW_AWS_DYNAMODBENDPOINT = ""
      ORDERFLOW_AWS_SNSENDPOINT      = ""
      ORDERFLOW_BOOTSTRAP_ENABLED    = "false"
      ORDERFLOW_SNS_TOPICARN         = var.topic_arn
      ORDERFLOW_ARCHIVE_BUCKET       = var.archive_bucket
      # Backups go to the archive bucket under exports/ (the prefix the roles may write).
      ORDERFLOW_BACKUP_STORE            = "s3"
      ORDERFLOW_BACKUP_BUCKET           = var.archive_bucket
      ORDERFLOW_BACKUP_PREFIX           = "exports"
      ORDERFLOW_BACKUP_NATIVE_ENABLED   = "true"
      SPRING_TEMPORAL_CONNECTION_TARGET = var.temporal.target
      SPRING_TEMPORAL_NAMESPACE         = var.temporal.namespace
      # Boot only exposes /actuator/health/readiness (the ALB check) on Kubernetes unless told.
      MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED = "true"
      # The orderflow.* meters also go to CloudWatch, every minute, for modules/monitoring's alarms
      # and dashboard (workers/.../config/CloudWatchMetricsConfiguration; off on the local stack).
      MANAGEMENT_CLOUDWATCH_METRICS_EXPORT_ENABLED   = "true"
      MANAGEMENT_CLOUDWATCH_METRICS_EXPORT_NAMESPACE = var.metrics_namespace
    },
  )

  services = {
    api = {
      image   = coalesce(var.images.api, "${aws_ecr_repository.this["api"].repository_url}:${var.image_tag}")
      env     = merge(local.common_env, { ORDERFLOW_WORKER_ENABLED = "false" })
      port    = 8080
      sizing  = var.sizing.api
      role    = aws_iam_role.api.arn
      balance = true
    }
    workers = {
      image   = coalesce(var.images.workers, "${aws_ecr_repository.this["workers"].repository_url}:${var.image_tag}")
      env     = local.common_env
      port    = null
      sizing  = var.sizing.workers
      role    = aws_iam_role.workers.arn
      balance = false
    }
  }

  # The client key and chain come from Secrets Manager at task start, never through Terraform state.
  mtls_secrets = var.temporal.mtls_secret_arn == null ? [] : [
    { name = "SPRING_TEMPORAL_CONNECTION_MTLS_KEY", valueFrom = "${var.temporal.mtls_secret_arn}:key::" },
    { name = "SPRING_TEMPORAL_CONNECTION_MTLS_CERTCHAIN", valueFrom = "${var.temporal.mtls_secret_arn}:cert::" },
  ]
}

resource "aws_ecs_cluster" "this" {
  name = local.name
  setting {
    name  = "containerInsights"
    value = "enabled"
  }
  tags = var.tags
}

resource "aws_cloudwatch_log_group" "this" {
  for_each = local.services

  name              = "/orderflow/${var.environment}/${each.key}"
  retention_in_days = var.log_retention_days
  kms_key_id        = var.kms_key_arn
  tags              = var.tags
}

resource "aws_ecs_task_definition" "this" {
  for_each = local.services

  family                   = "${local.name}-${each.key}"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = each.value.sizing.cpu
  memory                   = each.value.sizing.memory
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = each.value.role

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "X86_64"
  }

  container_definitions = jsonencode([{
    name         = each.key
    image        = each.value.image
    essential    = true
    portMappings = each.value.port == null ? [] : [{ containerPort = each.value.port, protocol = "tcp" }]
    environment  = [for k in sort(keys(each.value.env)) : { name = k, value = each.value.env[k] }]
    secrets      = local.mtls_secrets
    logConfiguration = {
      logDriver = "awslogs"
      options = {
        awslogs-group         = aws_cloudwatch_log_group.this[each.key].name
        awslogs-region        = data.aws_region.current.name
        awslogs-stream-prefix = each.key
      }
    }
  }])
  tags = var.tags
}

resource "aws_ecs_service" "this" {
  for_each = local.services

  name            = each.key
  cluster         = aws_ecs_cluster.this.id
  task_definition = aws_ecs_task_definition.this[each.key].arn
  desired_count   = each.value.sizing.min
  launch_type     = "FARGATE"

  # A workflow worker stopped mid-task is retried by Temporal; roll one task at a time anyway.
  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200
  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  network_configuration {
    subnets          = var.private_subnet_ids
    security_groups  = [aws_security_group.tasks.id]
    assign_public_ip = false
  }

  dynamic "load_balancer" {
    for_each = each.value.balance ? [1] : []
    content {
      target_group_arn = aws_lb_target_group.api.arn
      container_name   = each.key
      container_port   = each.value.port
    }
  }

  lifecycle {
    ignore_changes = [desired_count] # owned by auto scaling
  }

  depends_on = [aws_lb_listener.api]
  tags       = var.tags
}
