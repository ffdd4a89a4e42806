# order_events stream -> archive Lambda -> gzipped JSON lines in S3 (see archive-lambda/).
resource "aws_cloudwatch_log_group" "lambda" {
  name              = "/aws/lambda/orderflow-${var.environment}-archive"
  retention_in_days = var.log_retention_days
  kms_key_id        = var.kms_key_arn
  tags              = var.tags
}

# Batches the Lambda gave up on (after retries and bisecting) land here instead of blocking the shard.
resource "aws_sqs_queue" "failures" {
  name                      = "orderflow-${var.environment}-archive-failures"
  kms_master_key_id         = var.kms_key_arn
  message_retention_seconds = 1209600
  tags                      = var.tags
}

resource "aws_iam_role" "lambda" {
  name = "orderflow-${var.environment}-archive"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "lambda.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
  tags = var.tags
}

resource "aws_iam_role_policy" "lambda" {
  name = "archive"
  role = aws_iam_role.lambda.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "ReadTheEventsStream"
        Effect   = "Allow"
        Action   = ["dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator"]
        Resource = ["${var.events_table_arn}/stream/*"]
      },
      {
        # ListStreams has no resource-level permissions: AWS only accepts "*" here.
        Sid      = "FindTheStream"
        Effect   = "Allow"
        Action   = ["dynamodb:ListStreams"]
        Resource = ["*"]
      },
      {
        Sid      = "WriteArchiveObjects"
        Effect   = "Allow"
        Action   = ["s3:PutObject"]
        Resource = ["${aws_s3_bucket.this.arn}/${var.prefix}*"]
      },
      {
        Sid      = "UseTheDataKey"
        Effect   = "Allow"
        Action   = ["kms:Decrypt", "kms:GenerateDataKey"]
        Resource = [var.kms_key_arn]
      },
      {
        Sid      = "ReportFailedBatches"
        Effect   = "Allow"
        Action   = ["sqs:SendMessage"]
        Resource = [aws_sqs_queue.failures.arn]
      },
      {
        Sid      = "Logs"
        Effect   = "Allow"
        Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
        Resource = ["${aws_cloudwatch_log_group.lambda.arn}:*"]
      },
    ]
  })
}

resource "aws_lambda_function" "this" {
  function_name = "orderflow-${var.environment}-archive"
  role          = aws_iam_role.lambda.arn
  runtime       = "java17"
  handler       = "io.orderflow.archive.ArchiveHandler::handleRequest"
  filename      = var.package_path
  # Missing until `mvn package` ran; plan still works so CI can check the rest without a build.
  source_code_hash = try(filebase64sha256(var.package_path), null)
  memory_size      = 512
  timeout          = 120
  kms_key_arn      = var.kms_key_arn

  environment {
    variables = {
      ARCHIVE_BUCKET = aws_s3_bucket.this.bucket
      ARCHIVE_PREFIX = var.prefix
    }
  }

  depends_on = [aws_cloudwatch_log_group.lambda, aws_iam_role_policy.lambda]
  tags       = var.tags
}

resource "aws_lambda_event_source_mapping" "events" {
  function_name                      = aws_lambda_function.this.arn
  event_source_arn                   = var.events_stream_arn
  starting_position                  = "TRIM_HORIZON"
  batch_size                         = 500
  maximum_batching_window_in_seconds = 60
  bisect_batch_on_function_error     = true
  maximum_retry_attempts             = 10

  destination_config {
    on_failure {
      destination_arn = aws_sqs_queue.failures.arn
    }
  }
}
