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
  # The CloudWatch namespace the services publish to and the alarms read (modules/orderflow default).
  metrics_namespace = "Orderflow"

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
    condition     = length(module.orderflow.dynamodb.tables) == 7 && alltrue([for t in values(module.orderflow.dynamodb.tables) : t.point_in_time_recovery[0].enabled])
    error_message = "every one of the seven tables must have point-in-time recovery"
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
      "order-creation-latency-p95-warning" = 2000, "order-creation-latency-p95-critical" = 5000,
      "order-read-latency-p95-warning"     = 500, "order-read-latency-p95-critical" = 1000,
      "failed-event-persistence-warning"   = 0, "failed-event-persistence-critical" = 10,
      "event-processing-errors-warning"    = 5, "event-processing-errors-critical" = 20,
      "snapshot-hit-ratio-warning"         = 0.8, "snapshot-hit-ratio-critical" = 0.5,
    } : module.orderflow.monitoring.alarms[k].threshold == want])
    error_message = "application alarms must sit at the operations guide's thresholds"
  }
  # The application alarms read what Micrometer's CloudWatch registry publishes (checked against the
  # registry's source and a live run, docs/deployment.md section 7): percentiles as
  # <name>.percentile.value with dimension phi, in milliseconds; counters as <name>.count.
  assert {
    condition = alltrue(flatten([for sev in ["warning", "critical"] : [
      for k, name in {
        order-creation-latency-p95 = "orderflow.orders.create.latency.percentile.value"
        order-read-latency-p95     = "orderflow.orders.read.latency.percentile.value"
        } : [
        module.orderflow.monitoring.alarms["${k}-${sev}"].namespace == var.metrics_namespace,
        module.orderflow.monitoring.alarms["${k}-${sev}"].metric_name == name,
        module.orderflow.monitoring.alarms["${k}-${sev}"].dimensions == tomap({ phi = "0.95" }),
        module.orderflow.monitoring.alarms["${k}-${sev}"].statistic == "Average",
        module.orderflow.monitoring.alarms["${k}-${sev}"].extended_statistic == null,
        module.orderflow.monitoring.alarms["${k}-${sev}"].period == 300,
        module.orderflow.monitoring.alarms["${k}-${sev}"].comparison_operator == "GreaterThanThreshold",
      ]
    ]]))
    error_message = "latency alarms read the client-side p95 (<timer>.percentile.value, phi=0.95, ms) over 5 minutes"
  }
  assert {
    condition = alltrue(flatten([for sev in ["warning", "critical"] : [
      module.orderflow.monitoring.alarms["failed-event-persistence-${sev}"].namespace == var.metrics_namespace,
      module.orderflow.monitoring.alarms["failed-event-persistence-${sev}"].metric_name == "orderflow.events.persistence.failures.count",
      try(length(module.orderflow.monitoring.alarms["failed-event-persistence-${sev}"].dimensions), 0) == 0,
      module.orderflow.monitoring.alarms["failed-event-persistence-${sev}"].statistic == "Sum",
      module.orderflow.monitoring.alarms["failed-event-persistence-${sev}"].period == 300,
      module.orderflow.monitoring.alarms["failed-event-persistence-${sev}"].treat_missing_data == "notBreaching",
    ]]))
    error_message = "failed persistence counts orderflow.events.persistence.failures.count over 5 minutes"
  }
  assert {
    condition = alltrue(flatten([for sev in ["warning", "critical"] : [
      one([for q in module.orderflow.monitoring.alarms["event-processing-errors-${sev}"].metric_query : q.expression if q.id == "result"]) == "SUM([failures0])",
      one([for q in module.orderflow.monitoring.alarms["event-processing-errors-${sev}"].metric_query : q.metric[0] if q.id == "failures0"]) != null,
      [for q in module.orderflow.monitoring.alarms["event-processing-errors-${sev}"].metric_query : [
        q.metric[0].namespace == var.metrics_namespace,
        q.metric[0].metric_name == "orderflow.events.processing.failures.count",
        q.metric[0].dimensions == tomap({ processor = "order-summary" }),
        q.metric[0].stat == "Sum",
        q.metric[0].period == 900,
      ] if length(q.metric) > 0],
      module.orderflow.monitoring.alarms["event-processing-errors-${sev}"].metric_name == null,
    ]]))
    error_message = "processing errors sum orderflow.events.processing.failures.count of every processor (dimension processor) over 15 minutes"
  }
  assert {
    condition = alltrue(flatten([for sev in ["warning", "critical"] : [
      one([for q in module.orderflow.monitoring.alarms["snapshot-hit-ratio-${sev}"].metric_query : q.expression if q.id == "result"]) == "IF(hits + misses >= 20, hits / (hits + misses), 1)",
      { for q in module.orderflow.monitoring.alarms["snapshot-hit-ratio-${sev}"].metric_query : q.id => {
        namespace = q.metric[0].namespace, name = q.metric[0].metric_name, dimensions = q.metric[0].dimensions, stat = q.metric[0].stat, period = q.metric[0].period
        } if length(q.metric) > 0 } == {
        hits   = { namespace = var.metrics_namespace, name = "orderflow.snapshots.lookups.count", dimensions = tomap({ result = "hit" }), stat = "Sum", period = 900 }
        misses = { namespace = var.metrics_namespace, name = "orderflow.snapshots.lookups.count", dimensions = tomap({ result = "miss" }), stat = "Sum", period = 900 }
      },
      module.orderflow.monitoring.alarms["snapshot-hit-ratio-${sev}"].comparison_operator == "LessThanThreshold",
      module.orderflow.monitoring.alarms["snapshot-hit-ratio-${sev}"].treat_missing_data == "notBreaching",
    ]]))
    error_message = "the hit ratio is metric math over the hit/miss counters of orderflow.snapshots.lookups (dimension result), over 15 minutes, and at least 20 loads before it can alarm"
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
    condition = alltrue(flatten([for w in jsondecode(module.orderflow.monitoring.dashboard.dashboard_body).widgets : [
      for m in w.properties.metrics : can(m[0])
    ]]))
    error_message = "every entry of a widget's metrics is an array (a metric or an expression)"
  }
  assert {
    condition = toset(flatten([for w in jsondecode(module.orderflow.monitoring.dashboard.dashboard_body).widgets : [
      for m in w.properties.metrics : m[1] if m[0] == var.metrics_namespace
      ]])) == toset([
      "orderflow.orders.create.latency.count", "orderflow.orders.load.latency.avg", "orderflow.orders.load.latency.percentile.value",
      "orderflow.events.written.count", "orderflow.events.write.latency.percentile.value", "orderflow.events.read.latency.percentile.value",
      "orderflow.events.publication.failures.count", "orderflow.events.publication.latency.percentile.value",
      "orderflow.events.persistence.failures.count", "orderflow.events.processing.failures.count",
      "orderflow.snapshots.lookups.count", "orderflow.snapshots.stale.count",
    ])
    error_message = "the dashboard's application widgets read exactly the names the CloudWatch registry publishes"
  }
  assert {
    condition = toset(flatten([for w in jsondecode(module.orderflow.monitoring.dashboard.dashboard_body).widgets : [
      for m in w.properties.metrics : m[0].expression if can(m[0].expression)
      ]])) == toset([
      "SUM(SEARCH('{Orderflow,from,to} MetricName=\"orderflow.orders.transition.latency.count\"', 'Sum', 60))",
      "SUM(SEARCH('{Orderflow,operation,reason} MetricName=\"orderflow.orders.failures.count\"', 'Sum', 60))",
      "IF(hits + misses > 0, hits / (hits + misses), 1)",
    ])
    error_message = "transitions and failed operations are summed over their tag values; the hit ratio is hits / (hits + misses)"
  }

  assert {
    condition = alltrue(flatten([for name, doc in module.orderflow.iam_policies : [
      for s in jsondecode(doc).Statement : s.Effect != "Allow" || (
        alltrue([for a in flatten([s.Action]) : !strcontains(a, "*")]) &&
        (
          !contains(flatten([s.Resource]), "*") ||
          alltrue([for a in flatten([s.Action]) : contains(var.actions_without_resource_arns, a)]) ||
          # The one exception: cloudwatch:PutMetricData has no resource ARN either, and is allowed on
          # "*" only when held to the application's namespace by the cloudwatch:namespace key.
          (length(flatten([s.Action])) == 1 && flatten([s.Action])[0] == "cloudwatch:PutMetricData" &&
          try(s.Condition.StringEquals["cloudwatch:namespace"], "") == var.metrics_namespace)
        )
      )
    ]]))
    error_message = "no IAM policy may allow wildcard actions, nor an action on \"*\" unless AWS offers no resource ARN for it (PutMetricData only with the namespace condition)"
  }
  assert {
    condition = { for name, doc in module.orderflow.iam_policies : name => [
      for s in jsondecode(doc).Statement : { resource = s.Resource, condition = try(s.Condition, null) } if contains(flatten([s.Action]), "cloudwatch:PutMetricData")
      ] if anytrue([for s in jsondecode(doc).Statement : anytrue([for a in flatten([s.Action]) : startswith(a, "cloudwatch:")])]) } == {
      api     = [{ resource = ["*"], condition = { StringEquals = { "cloudwatch:namespace" = var.metrics_namespace } } }]
      workers = [{ resource = ["*"], condition = { StringEquals = { "cloudwatch:namespace" = var.metrics_namespace } } }]
    }
    error_message = "the api and workers task roles, and only they, may put metric data, and only into the application's namespace"
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
  assert {
    condition = alltrue([for k, td in module.orderflow.compute.task_definitions :
      contains(jsondecode(td.container_definitions)[0].environment, { name = "MANAGEMENT_CLOUDWATCH_METRICS_EXPORT_ENABLED", value = "true" }) &&
      contains(jsondecode(td.container_definitions)[0].environment, { name = "MANAGEMENT_CLOUDWATCH_METRICS_EXPORT_NAMESPACE", value = var.metrics_namespace })
    ])
    error_message = "both services export their meters to CloudWatch, into the namespace the alarms read"
  }
}

# Another namespace moves the export, the IAM condition and every alarm together.
run "dev_metrics_namespace" {
  command = plan
  module {
    source = "../environments/dev"
  }
  variables {
    metrics = { namespace = "OrderflowDev" }
  }

  assert {
    condition = alltrue([for k, td in module.orderflow.compute.task_definitions :
      contains(jsondecode(td.container_definitions)[0].environment, { name = "MANAGEMENT_CLOUDWATCH_METRICS_EXPORT_NAMESPACE", value = "OrderflowDev" })
    ])
    error_message = "the services publish into the configured namespace"
  }
  assert {
    condition = alltrue([for name in ["api", "workers"] : contains(
      [for s in jsondecode(module.orderflow.iam_policies[name]).Statement : try(s.Condition.StringEquals["cloudwatch:namespace"], null)], "OrderflowDev"
    )])
    error_message = "the task roles may put metric data into the configured namespace only"
  }
  assert {
    condition = alltrue(flatten([for k, a in module.orderflow.monitoring.alarms : [
      a.namespace == null || a.namespace == "OrderflowDev" || try(startswith(a.namespace, "AWS/"), false),
      [for q in a.metric_query : q.metric[0].namespace == "OrderflowDev" || startswith(q.metric[0].namespace, "AWS/") if length(q.metric) > 0],
    ]]))
    error_message = "every application alarm reads the configured namespace"
  }
}
