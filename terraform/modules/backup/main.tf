# AWS Backup keeps the events and snapshots tables recoverable beyond the 35 days of PITR.
terraform {
  required_providers {
    aws = {
      source                = "hashicorp/aws"
      configuration_aliases = [aws.dr]
    }
  }
}

locals {
  copy = var.copy_region != null
  rules = {
    daily   = { schedule = "cron(0 3 * * ? *)", delete_after = var.retention_days.daily }
    weekly  = { schedule = "cron(0 4 ? * SUN *)", delete_after = var.retention_days.weekly }
    monthly = { schedule = "cron(0 5 1 * ? *)", delete_after = var.retention_days.monthly }
  }
}

resource "aws_backup_vault" "this" {
  name        = "orderflow-${var.environment}"
  kms_key_arn = var.kms_key_arn
  tags        = var.tags
}

resource "aws_backup_vault" "copy" {
  count    = local.copy ? 1 : 0
  provider = aws.dr

  name        = "orderflow-${var.environment}-dr"
  kms_key_arn = var.copy_kms_key_arn
  tags        = var.tags
}

resource "aws_backup_plan" "this" {
  name = "orderflow-${var.environment}"

  dynamic "rule" {
    for_each = local.rules
    content {
      rule_name         = rule.key
      target_vault_name = aws_backup_vault.this.name
      schedule          = rule.value.schedule
      start_window      = 60
      completion_window = 360

      lifecycle {
        delete_after = rule.value.delete_after
      }

      dynamic "copy_action" {
        for_each = local.copy ? [aws_backup_vault.copy[0].arn] : []
        content {
          destination_vault_arn = copy_action.value
          lifecycle {
            delete_after = rule.value.delete_after
          }
        }
      }
    }
  }

  tags = var.tags
}

resource "aws_iam_role" "backup" {
  name = "orderflow-${var.environment}-backup"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "backup.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
  tags = var.tags
}

# AWS's own service-role policies: they track the permissions Backup needs as the service evolves.
resource "aws_iam_role_policy_attachment" "backup" {
  for_each   = toset(["AWSBackupServiceRolePolicyForBackup", "AWSBackupServiceRolePolicyForRestores"])
  role       = aws_iam_role.backup.name
  policy_arn = "arn:${var.partition}:iam::aws:policy/service-role/${each.value}"
}

resource "aws_backup_selection" "tables" {
  name         = "orderflow-${var.environment}-tables"
  plan_id      = aws_backup_plan.this.id
  iam_role_arn = aws_iam_role.backup.arn
  resources    = var.table_arns
}
