# Plans environments/dev with its defaults and checks the properties issue 8 asks for.
mock_provider "aws" {
  source = "./mocks"
}

mock_provider "aws" {
  alias  = "dr"
  source = "./mocks"
}

variables {
  # Actions with no resource-level permissions, which IAM accepts only on "*".
  actions_without_resource_arns = ["ecr:GetAuthorizationToken", "dynamodb:ListStreams"]

  image_tag = "0.1.0"
  network = {
    vpc_id             = "vpc-0123456789abcdef0"
    private_subnet_ids = ["subnet-0000000000000000a"]
    public_subnet_ids  = ["subnet-0000000000000000b", "subnet-0000000000000000c"]
    allowed_cidrs      = ["10.0.0.0/8"]
  }
  temporal = { target = "temporal.internal:7233", namespace = "orderflow" }
}

run "dev" {
  command = plan
  module {
    source = "../environments/dev"
  }

  assert {
    condition     = length(module.orderflow.dynamodb.tables) == 5 && alltrue([for t in values(module.orderflow.dynamodb.tables) : t.point_in_time_recovery[0].enabled])
    error_message = "every one of the five tables must have point-in-time recovery"
  }
  assert {
    condition = alltrue([for t in values(module.orderflow.dynamodb.tables) :
    t.server_side_encryption[0].enabled && t.server_side_encryption[0].kms_key_arn == module.orderflow.kms.key_arn])
    error_message = "every table must be encrypted with the environment's customer-managed key"
  }
  assert {
    condition     = module.orderflow.kms.key.enable_key_rotation
    error_message = "the customer-managed key must rotate"
  }
  assert {
    condition     = alltrue([for t in values(module.orderflow.dynamodb.tables) : t.deletion_protection_enabled == false && t.billing_mode == "PAY_PER_REQUEST"])
    error_message = "dev tables are on-demand and deletable"
  }
  assert {
    condition = (
      module.orderflow.dynamodb.tables["events"].name == "dev-order_events" &&
      module.orderflow.dynamodb.tables["events"].hash_key == "orderId" &&
      module.orderflow.dynamodb.tables["events"].range_key == "version" &&
      { for a in module.orderflow.dynamodb.tables["events"].attribute : a.name => a.type }["version"] == "N" &&
      module.orderflow.dynamodb.tables["events"].stream_enabled &&
      module.orderflow.dynamodb.tables["events"].stream_view_type == "NEW_IMAGE"
    )
    error_message = "order_events must be keyed orderId (S) + version (N) with a NEW_IMAGE stream"
  }
  assert {
    condition = (
      { for i in module.orderflow.dynamodb.tables["events"].global_secondary_index : i.name => join("/", compact([i.hash_key, i.range_key])) } ==
      { "unpublished-index" = "unpublished/timeKey", "by-time" = "timeBucket/timeKey" }
    )
    error_message = "order_events needs the sparse unpublished-index and the by-time index"
  }
  assert {
    condition = (
      { for i in module.orderflow.dynamodb.tables["projections"].global_secondary_index : i.name => join("/", compact([i.hash_key, i.range_key])) } ==
      { "by-status" = "status/updatedAt", "by-customer" = "customerId/updatedAt" }
    )
    error_message = "order_projections needs the by-status and by-customer indexes"
  }
  assert {
    condition     = alltrue([for t in values(module.orderflow.dynamodb.tables) : length(t.replica) == 0])
    error_message = "no replica without dr_region"
  }

  assert {
    condition     = { for r in module.orderflow.backup.plan.rule : r.rule_name => r.lifecycle[0].delete_after } == { daily = 30, weekly = 90, monthly = 365 }
    error_message = "backups must be kept exactly 30 (daily), 90 (weekly) and 365 (monthly) days"
  }
  assert {
    condition     = length(module.orderflow.backup.selection.resources) == 2 && module.orderflow.backup.copy_vault_arn == null
    error_message = "the plan selects the events and snapshots tables, without a cross-region copy in dev"
  }

  assert {
    condition = alltrue([for k, q in module.orderflow.messaging.queues :
      try(jsondecode(q.redrive_policy).deadLetterTargetArn, null) == module.orderflow.messaging.dead_letter_queues[k].arn &&
    try(jsondecode(q.redrive_policy).maxReceiveCount, 0) >= 1]) && length(module.orderflow.messaging.queues) > 0
    error_message = "every subscriber queue needs a dead-letter queue through its redrive policy"
  }
  assert {
    condition = alltrue([for k, q in module.orderflow.messaging.dead_letter_queues :
    module.orderflow.monitoring.alarms["dlq-${k}"].threshold == 0]) && module.orderflow.monitoring.alarms["dlq-archive-failures"].threshold == 0
    error_message = "every dead-letter queue (and the archive's failure queue) alarms on its first message"
  }
  assert {
    condition = (
      module.orderflow.messaging.topic.fifo_topic &&
      module.orderflow.messaging.topic.name == "dev-order-events.fifo" &&
      module.orderflow.messaging.topic.kms_master_key_id == module.orderflow.kms.key_arn &&
      alltrue([for q in values(merge(module.orderflow.messaging.queues, module.orderflow.messaging.dead_letter_queues)) : q.kms_master_key_id == module.orderflow.kms.key_arn])
    )
    error_message = "order-events is a KMS-encrypted FIFO topic and its queues are encrypted too"
  }

  assert {
    condition = alltrue([for k, want in {
      "order-creation-latency-p95-warning" = 2, "order-creation-latency-p95-critical" = 5,
      "order-read-latency-p95-warning"     = 0.5, "order-read-latency-p95-critical" = 1,
      "failed-event-persistence-warning"   = 0, "failed-event-persistence-critical" = 10,
      "event-processing-errors-warning"    = 5, "event-processing-errors-critical" = 20,
      "snapshot-hit-ratio-warning"         = 0.8, "snapshot-hit-ratio-critical" = 0.5,
    } : module.orderflow.monitoring.alarms[k].threshold == want])
    error_message = "application alarms must sit at the operations guide's thresholds"
  }
  assert {
    condition = (
      module.orderflow.monitoring.alarms["order-creation-latency-p95-warning"].extended_statistic == "p95" &&
      module.orderflow.monitoring.alarms["order-read-latency-p95-critical"].extended_statistic == "p95" &&
      module.orderflow.monitoring.alarms["failed-event-persistence-warning"].period == 300 &&
      module.orderflow.monitoring.alarms["event-processing-errors-critical"].period == 900 &&
      module.orderflow.monitoring.alarms["snapshot-hit-ratio-warning"].comparison_operator == "LessThanThreshold"
    )
    error_message = "latency alarms read p95; persistence counts over 5 min, processing errors over 15 min; the hit ratio alarms below"
  }
  assert {
    condition = alltrue(flatten([for k in keys(module.orderflow.dynamodb.table_names) : [
      module.orderflow.monitoring.alarms["dynamodb-throttling-${k}-warning"].threshold == 5,
      module.orderflow.monitoring.alarms["dynamodb-throttling-${k}-critical"].threshold == 20,
      [for q in module.orderflow.monitoring.alarms["dynamodb-throttling-${k}-critical"].metric_query : q.metric[0].period == 300 if length(q.metric) > 0],
    ]]))
    error_message = "every table alarms on more than 5 / 20 throttled requests in 5 minutes"
  }
  assert {
    condition     = length([for k in keys(module.orderflow.monitoring.alarms) : k if startswith(k, "dynamodb-consumed-")]) == 0
    error_message = "on-demand tables have no provisioned capacity to alarm on"
  }
  assert {
    condition = alltrue([for a in values(module.orderflow.monitoring.alarms) :
    a.alarm_actions == toset([module.orderflow.monitoring.alert_topic_arn])])
    error_message = "every alarm notifies the alert topic"
  }
  assert {
    condition = alltrue(flatten([for s in ["api", "workers"] : [
      module.orderflow.compute.scaling_alarms["${s}-cpu-high"].threshold == 70,
      module.orderflow.compute.scaling_alarms["${s}-memory-high"].threshold == 80,
      module.orderflow.compute.scaling_alarms["${s}-cpu-high"].period * module.orderflow.compute.scaling_alarms["${s}-cpu-high"].evaluation_periods == 300,
      module.orderflow.compute.scaling_alarms["${s}-memory-high"].period * module.orderflow.compute.scaling_alarms["${s}-memory-high"].evaluation_periods == 300,
    ]]))
    error_message = "services scale out on CPU > 70% or memory > 80% for 5 minutes"
  }

  assert {
    condition = [for w in jsondecode(module.orderflow.monitoring.dashboard.dashboard_body).widgets : w.properties.title] == [
      "Order processing rate", "Order creation rate", "Average order load time", "Event write/read", "DynamoDB metrics",
      "Event publication", "Error rates", "Snapshot performance", "System resources",
    ]
    error_message = "the dashboard has the guide's nine panels"
  }

  assert {
    condition = alltrue(flatten([for name, doc in module.orderflow.iam_policies : [
      for s in jsondecode(doc).Statement : s.Effect != "Allow" || (
        alltrue([for a in flatten([s.Action]) : !strcontains(a, "*")]) &&
        (!contains(flatten([s.Resource]), "*") || alltrue([for a in flatten([s.Action]) : contains(var.actions_without_resource_arns, a)]))
      )
    ]]))
    error_message = "no IAM policy may allow wildcard actions, nor an action on \"*\" unless AWS offers no resource ARN for it"
  }

  assert {
    condition = (
      module.orderflow.archive.bucket.versioning == "Enabled" &&
      one(one(module.orderflow.archive.bucket.encryption).apply_server_side_encryption_by_default).kms_master_key_id == module.orderflow.kms.key_arn &&
      module.orderflow.archive.bucket.public_access.block_public_acls &&
      module.orderflow.archive.bucket.public_access.restrict_public_buckets &&
      toset([for t in one(module.orderflow.archive.bucket.lifecycle).transition : t.storage_class]) == toset(["GLACIER_IR", "DEEP_ARCHIVE"]) &&
      length(module.orderflow.archive.bucket.replication) == 0
    )
    error_message = "the archive bucket is versioned, KMS-encrypted, private and moves to Glacier classes"
  }

  assert {
    condition = alltrue([for k, td in module.orderflow.compute.task_definitions :
      contains(jsondecode(td.container_definitions)[0].environment, { name = "SPRING_TEMPORAL_CONNECTION_TARGET", value = "temporal.internal:7233" }) &&
    length(jsondecode(td.container_definitions)[0].secrets) == 0])
    error_message = "both services get the Temporal target; no mTLS secret without one configured"
  }
}
