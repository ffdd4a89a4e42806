# Least privilege, written out: each statement names the actions one part of the application
# performs and the resources it performs them on. No wildcard actions, and "*" resources only where
# AWS offers no resource ARN (ecr:GetAuthorizationToken; cloudwatch:PutMetricData, which is held to
# the application's namespace by the cloudwatch:namespace condition key instead).
locals {
  table_arns = values(var.table_arns)
  # Queries go to the indexes; restores write into new tables named after the live ones
  # (e.g. order_events-restore-<ts>), which the recovery workflows create and switch to.
  table_and_index_arns = concat(local.table_arns, [for a in local.table_arns : "${a}/index/*"])
  restored_table_arns  = [for a in local.table_arns : "${a}-*"]

  # Both services publish their meters (Micrometer's CloudWatch registry). PutMetricData has no
  # resource-level permissions: "*" is the only resource AWS accepts, the namespace condition
  # keeps the role from writing into any other namespace.
  publish_metrics = {
    Sid       = "PublishMetrics"
    Effect    = "Allow"
    Action    = ["cloudwatch:PutMetricData"]
    Resource  = ["*"]
    Condition = { StringEquals = { "cloudwatch:namespace" = var.metrics_namespace } }
  }

  assume_ecs_tasks = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ecs-tasks.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role" "execution" {
  name               = "${local.name}-task-execution"
  assume_role_policy = local.assume_ecs_tasks
  tags               = var.tags
}

resource "aws_iam_role_policy" "execution" {
  name = "pull-log-secrets"
  role = aws_iam_role.execution.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = concat(
      [
        {
          # GetAuthorizationToken has no resource-level permissions: AWS only accepts "*" here.
          Sid      = "EcrLogin"
          Effect   = "Allow"
          Action   = ["ecr:GetAuthorizationToken"]
          Resource = ["*"]
        },
        {
          Sid      = "PullImages"
          Effect   = "Allow"
          Action   = ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:BatchCheckLayerAvailability"]
          Resource = [for r in aws_ecr_repository.this : r.arn]
        },
        {
          Sid      = "WriteLogs"
          Effect   = "Allow"
          Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
          Resource = [for g in aws_cloudwatch_log_group.this : "${g.arn}:*"]
        },
        {
          Sid      = "DecryptImagesAndSecrets"
          Effect   = "Allow"
          Action   = ["kms:Decrypt"]
          Resource = compact([var.kms_key_arn, var.temporal.mtls_secret_kms_key_arn])
        },
      ],
      var.temporal.mtls_secret_arn == null ? [] : [{
        Sid      = "ReadTemporalClientCertificate"
        Effect   = "Allow"
        Action   = ["secretsmanager:GetSecretValue"]
        Resource = [var.temporal.mtls_secret_arn]
      }],
    )
  })
}

resource "aws_iam_role" "api" {
  name               = "${local.name}-api"
  assume_role_policy = local.assume_ecs_tasks
  tags               = var.tags
}

# The api reads every model and changes only the service mode; commands go through Temporal.
resource "aws_iam_role_policy" "api" {
  name = "api"
  role = aws_iam_role.api.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        # A full restore points the service at restored copies (<table>-<restoreId>).
        Sid      = "ReadModels"
        Effect   = "Allow"
        Action   = ["dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:DescribeTable"]
        Resource = concat(local.table_and_index_arns, local.restored_table_arns, [for a in local.restored_table_arns : "${a}/index/*"])
      },
      {
        # The restore lock, taken before a full restore starts.
        Sid      = "TakeTheRestoreLock"
        Effect   = "Allow"
        Action   = ["dynamodb:DeleteItem"]
        Resource = [var.table_arns["control"]]
      },
      {
        # GET /api/backups lists the backups the S3 store holds.
        Sid      = "ListBackups"
        Effect   = "Allow"
        Action   = ["s3:GetObject"]
        Resource = ["${var.archive_bucket_arn}/exports/*"]
      },
      {
        Sid      = "ListBackupBucket"
        Effect   = "Allow"
        Action   = ["s3:ListBucket"]
        Resource = [var.archive_bucket_arn]
      },
      {
        Sid      = "SetServiceMode"
        Effect   = "Allow"
        Action   = ["dynamodb:PutItem", "dynamodb:UpdateItem"]
        Resource = [var.table_arns["control"]]
      },
      {
        Sid      = "UseTheDataKey"
        Effect   = "Allow"
        Action   = ["kms:Decrypt", "kms:GenerateDataKey"]
        Resource = [var.kms_key_arn]
      },
      local.publish_metrics,
    ]
  })
}

resource "aws_iam_role" "workers" {
  name               = "${local.name}-workers"
  assume_role_policy = local.assume_ecs_tasks
  tags               = var.tags
}

# Workers run every activity: appends, snapshots, projections, publication and the DR runbooks.
resource "aws_iam_role_policy" "workers" {
  name = "workers"
  role = aws_iam_role.workers.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid    = "ReadAndWriteTables"
        Effect = "Allow"
        Action = [
          "dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:Scan",
          "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem",
          "dynamodb:ConditionCheckItem", "dynamodb:DescribeTable",
        ]
        Resource = concat(local.table_and_index_arns, local.restored_table_arns, [for a in local.restored_table_arns : "${a}/index/*"])
      },
      {
        Sid    = "RecoveryRunbooks"
        Effect = "Allow"
        Action = [
          "dynamodb:CreateTable", "dynamodb:DeleteTable", "dynamodb:RestoreTableToPointInTime",
          "dynamodb:RestoreTableFromBackup", "dynamodb:CreateBackup", "dynamodb:DescribeBackup",
          "dynamodb:ListBackups", "dynamodb:DescribeContinuousBackups", "dynamodb:UpdateContinuousBackups",
        ]
        Resource = concat(local.table_arns, local.restored_table_arns, [for a in local.table_arns : "${a}/backup/*"])
      },
      {
        Sid      = "PublishEvents"
        Effect   = "Allow"
        Action   = ["sns:Publish"]
        Resource = [var.topic_arn]
      },
      {
        # RepublishWorkflow drains a dead-letter queue back onto the topic.
        Sid      = "DrainDeadLetterQueues"
        Effect   = "Allow"
        Action   = ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:ChangeMessageVisibility"]
        Resource = var.dead_letter_queue_arns
      },
      {
        # The S3 backup store writes, replaces and (when a backup is cancelled) deletes exports.
        Sid      = "WriteExports"
        Effect   = "Allow"
        Action   = ["s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload"]
        Resource = ["${var.archive_bucket_arn}/exports/*"]
      },
      {
        Sid      = "ReadExportsAndArchive"
        Effect   = "Allow"
        Action   = ["s3:GetObject"]
        Resource = ["${var.archive_bucket_arn}/exports/*", "${var.archive_bucket_arn}/stream-archive/*"]
      },
      {
        Sid      = "ListExportsAndArchive"
        Effect   = "Allow"
        Action   = ["s3:ListBucket"]
        Resource = [var.archive_bucket_arn]
      },
      {
        Sid      = "UseTheDataKey"
        Effect   = "Allow"
        Action   = ["kms:Decrypt", "kms:GenerateDataKey"]
        Resource = [var.kms_key_arn]
      },
      local.publish_metrics,
    ]
  })
}
