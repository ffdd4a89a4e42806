# The five tables of DESIGN.md §3, the quarantine that single-order recovery moves suspect commits to,
# and the revenue read model. Keys and indexes are fixed by the application's data model;
# billing, protection and replication are per environment.
terraform {
  required_providers {
    aws = { source = "hashicorp/aws" }
  }
}

locals {
  tables = {
    events = {
      name    = "order_events"
      hash    = { name = "orderId", type = "S" }
      range   = { name = "version", type = "N" }
      stream  = true
      replica = true
      indexes = {
        # Sparse: only commits not yet on SNS carry `unpublished` (its write shard), oldest first.
        "unpublished-index" = { hash = { name = "unpublished", type = "S" }, range = { name = "timeKey", type = "S" } }
        # timeKey = committedAt#orderId#version, timeBucket = hour plus a write shard.
        "by-time" = { hash = { name = "timeBucket", type = "S" }, range = { name = "timeKey", type = "S" } }
      }
    }
    snapshots = {
      name    = "order_snapshots"
      hash    = { name = "orderId", type = "S" }
      range   = { name = "version", type = "N" }
      stream  = false
      replica = true
      indexes = {}
    }
    projections = {
      name    = "order_projections"
      hash    = { name = "orderId", type = "S" }
      range   = null
      stream  = false
      replica = false
      indexes = {
        "by-status"   = { hash = { name = "status", type = "S" }, range = { name = "updatedAt", type = "S" } }
        "by-customer" = { hash = { name = "customerId", type = "S" }, range = { name = "updatedAt", type = "S" } }
      }
    }
    operations = {
      name    = "orderflow_operations"
      hash    = { name = "operationId", type = "S" }
      range   = null
      stream  = false
      replica = false
      indexes = {}
    }
    control = {
      name    = "orderflow_control"
      hash    = { name = "key", type = "S" }
      range   = null
      stream  = false
      replica = false
      indexes = {}
    }
    # Commits single-order recovery took out of a stream (altered or off the chain), kept for forensics.
    quarantine = {
      name    = "order_quarantine"
      hash    = { name = "orderId", type = "S" }
      range   = { name = "quarantineKey", type = "S" }
      stream  = false
      replica = true
      indexes = {}
    }
    # Revenue per day and currency: one row per paid order under day#currency (a read model, rebuilt
    # from the events like order_projections; a rebuild writes order_revenue-gen-<ts>).
    revenue = {
      name    = "order_revenue"
      hash    = { name = "dayCurrency", type = "S" }
      range   = { name = "orderId", type = "S" }
      stream  = false
      replica = false
      indexes = {
        "by-day" = { hash = { name = "day", type = "S" }, range = { name = "orderId", type = "S" } }
      }
    }
  }

  provisioned = var.billing_mode == "PROVISIONED"
  replicate   = var.replica_region != null
}

resource "aws_dynamodb_table" "this" {
  for_each = local.tables

  name                        = "${var.name_prefix}${each.value.name}"
  billing_mode                = var.billing_mode
  hash_key                    = each.value.hash.name
  range_key                   = try(each.value.range.name, null)
  read_capacity               = local.provisioned ? var.capacity.min : null
  write_capacity              = local.provisioned ? var.capacity.min : null
  deletion_protection_enabled = var.deletion_protection

  # Global tables need both images in the stream; the archive Lambda only reads NewImage either way.
  stream_enabled   = each.value.stream || (local.replicate && each.value.replica)
  stream_view_type = (local.replicate && each.value.replica) ? "NEW_AND_OLD_IMAGES" : (each.value.stream ? "NEW_IMAGE" : null)

  dynamic "attribute" {
    # Every key attribute of the table and its indexes, once (indexes may share a sort key).
    for_each = { for a in flatten([
      [each.value.hash, each.value.range],
      [for i in values(each.value.indexes) : [i.hash, i.range]],
    ]) : a.name => a.type... if a != null }
    content {
      name = attribute.key
      type = attribute.value[0]
    }
  }

  dynamic "global_secondary_index" {
    for_each = each.value.indexes
    content {
      name            = global_secondary_index.key
      hash_key        = global_secondary_index.value.hash.name
      range_key       = try(global_secondary_index.value.range.name, null)
      projection_type = "ALL"
      read_capacity   = local.provisioned ? var.capacity.min : null
      write_capacity  = local.provisioned ? var.capacity.min : null
    }
  }

  point_in_time_recovery {
    enabled = true
  }

  server_side_encryption {
    enabled     = true
    kms_key_arn = var.kms_key_arn
  }

  dynamic "replica" {
    for_each = local.replicate && each.value.replica ? [var.replica_region] : []
    content {
      region_name            = replica.value
      kms_key_arn            = var.replica_kms_key_arn
      point_in_time_recovery = true
      propagate_tags         = true
    }
  }

  # Auto scaling owns capacity once the table exists; GSI capacity lives inside the index blocks,
  # so index definitions are frozen here too (change an index by lifting this for one apply).
  lifecycle {
    ignore_changes = [read_capacity, write_capacity, global_secondary_index]
  }

  tags = var.tags
}
