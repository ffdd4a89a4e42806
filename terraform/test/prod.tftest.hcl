# Plans environments/prod, alone and with a DR region, and checks what prod adds to dev's shape.
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

  image_tag       = "0.1.0"
  certificate_arn = "arn:aws:acm:eu-west-1:123456789012:certificate/mock"
  network = {
    vpc_id             = "vpc-0123456789abcdef0"
    private_subnet_ids = ["subnet-0000000000000000a", "subnet-0000000000000000d"]
    public_subnet_ids  = ["subnet-0000000000000000b", "subnet-0000000000000000c"]
    allowed_cidrs      = ["0.0.0.0/0"]
  }
  temporal = {
    target          = "orderflow.a1b2c.tmprl.cloud:7233"
    namespace       = "orderflow.a1b2c"
    mtls_secret_arn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:orderflow/temporal-mtls-AbCdEf"
  }
}

run "prod" {
  command = plan
  module {
    source = "../environments/prod"
  }

  assert {
    condition     = alltrue([for t in values(module.orderflow.dynamodb.tables) : t.deletion_protection_enabled])
    error_message = "every prod table has deletion protection"
  }
  assert {
    condition = alltrue([for t in values(module.orderflow.dynamodb.tables) :
      t.point_in_time_recovery[0].enabled && t.server_side_encryption[0].kms_key_arn == module.orderflow.kms.key_arn
    ]) && length(module.orderflow.dynamodb.tables) == 7
    error_message = "PITR and the customer-managed key on every prod table"
  }
  assert {
    condition = (
      module.orderflow.dynamodb.tables["events"].name == "order_events" &&
      module.orderflow.dynamodb.tables["events"].hash_key == "orderId" &&
      module.orderflow.dynamodb.tables["events"].range_key == "version" &&
      module.orderflow.dynamodb.tables["events"].stream_view_type == "NEW_IMAGE"
    )
    error_message = "prod keeps the names operators know and the NEW_IMAGE stream"
  }
  assert {
    condition = (
      alltrue([for t in values(module.orderflow.dynamodb.tables) : t.billing_mode == "PROVISIONED"]) &&
      length(module.orderflow.dynamodb.autoscaling_targets) == 2 * (7 + 5) &&
      alltrue([for a in values(module.orderflow.dynamodb.autoscaling_targets) : a.min_capacity == 25 && a.max_capacity == 500]) &&
      length(module.orderflow.dynamodb.scheduled_actions) == 2 * 2 * (7 + 5)
    )
    error_message = "provisioned tables and indexes scale between the medium size's bounds and follow the busy-period schedule"
  }
  assert {
    condition     = { for r in module.orderflow.backup.plan.rule : r.rule_name => r.lifecycle[0].delete_after } == { daily = 30, weekly = 90, monthly = 365 }
    error_message = "backups must be kept exactly 30 (daily), 90 (weekly) and 365 (monthly) days"
  }
  assert {
    condition = alltrue(flatten([for k in keys(module.orderflow.dynamodb.table_names) : [for d in ["read", "write"] : [
      module.orderflow.monitoring.alarms["dynamodb-consumed-${d}-capacity-${k}"].threshold == 80,
      module.orderflow.monitoring.alarms["dynamodb-consumed-${d}-capacity-${k}"].evaluation_periods == 3,
      [for q in module.orderflow.monitoring.alarms["dynamodb-consumed-${d}-capacity-${k}"].metric_query : q.metric[0].period == 300 if length(q.metric) > 0],
    ]]]))
    error_message = "provisioned tables alarm when consumed capacity stays above 80% for 15 minutes"
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
    condition = contains(
      [for s in jsondecode(module.orderflow.iam_policies["task_execution"]).Statement : s.Resource if s.Action == ["secretsmanager:GetSecretValue"]],
      ["arn:aws:secretsmanager:eu-west-1:123456789012:secret:orderflow/temporal-mtls-AbCdEf"],
    )
    error_message = "the task execution role may read exactly the Temporal mTLS secret"
  }
  assert {
    condition = alltrue([for k, td in module.orderflow.compute.task_definitions :
      contains(jsondecode(td.container_definitions)[0].environment, { name = "SPRING_TEMPORAL_NAMESPACE", value = "orderflow.a1b2c" }) &&
      [for s in jsondecode(td.container_definitions)[0].secrets : s.name] == ["SPRING_TEMPORAL_CONNECTION_MTLS_KEY", "SPRING_TEMPORAL_CONNECTION_MTLS_CERTCHAIN"]
    ])
    error_message = "both services get the Temporal namespace and the mTLS key and chain from Secrets Manager"
  }
  assert {
    condition     = startswith(module.orderflow.api_url, "https://")
    error_message = "prod serves the API over HTTPS"
  }
}

run "prod_with_dr" {
  command = plan
  module {
    source = "../environments/prod"
  }
  variables {
    dr_region = "eu-central-1"
  }

  assert {
    condition = alltrue([for k in ["events", "snapshots"] :
      one(module.orderflow.dynamodb.tables[k].replica).region_name == "eu-central-1" &&
      one(module.orderflow.dynamodb.tables[k].replica).point_in_time_recovery &&
      one(module.orderflow.dynamodb.tables[k].replica).kms_key_arn != null
    ])
    error_message = "events and snapshots get an encrypted, PITR-enabled replica in the DR region"
  }
  assert {
    # Global tables require both images; the archive reads NewImage from either.
    condition     = module.orderflow.dynamodb.tables["events"].stream_view_type == "NEW_AND_OLD_IMAGES"
    error_message = "a replicated events table streams NEW_AND_OLD_IMAGES"
  }
  assert {
    condition = alltrue([for r in module.orderflow.backup.plan.rule :
      one(r.copy_action).destination_vault_arn == module.orderflow.backup.copy_vault_arn &&
      one(one(r.copy_action).lifecycle).delete_after == r.lifecycle[0].delete_after
    ])
    error_message = "every backup rule copies to the DR vault and keeps the copy as long"
  }
  assert {
    condition     = length(module.orderflow.archive.bucket.replication) == 1 && module.orderflow.archive.replica_bucket_arn != null
    error_message = "the archive bucket replicates to the DR region"
  }
  assert {
    condition = alltrue(flatten([for name, doc in module.orderflow.iam_policies : [
      for s in jsondecode(doc).Statement : alltrue([for a in flatten([s.Action]) : !strcontains(a, "*")])
    ]])) && contains(keys(module.orderflow.iam_policies), "archive_replication")
    error_message = "the replication role's policy is least-privilege too"
  }
}
