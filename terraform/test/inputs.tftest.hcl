# Invalid inputs fail at plan, before anything reaches AWS.
mock_provider "aws" {
  source = "./mocks"
}

mock_provider "aws" {
  alias  = "dr"
  source = "./mocks"
}

variables {
  image_tag       = "0.1.0"
  certificate_arn = "arn:aws:acm:eu-west-1:123456789012:certificate/mock"
  network = {
    vpc_id             = "vpc-0123456789abcdef0"
    private_subnet_ids = ["subnet-0000000000000000a"]
    public_subnet_ids  = ["subnet-0000000000000000b", "subnet-0000000000000000c"]
    allowed_cidrs      = ["10.0.0.0/8"]
  }
  temporal = { target = "temporal.internal:7233", namespace = "orderflow" }
}

run "dev_rejects_an_invalid_environment_name" {
  command = plan
  module {
    source = "../environments/dev"
  }
  variables {
    environment = "Dev Env!"
  }
  expect_failures = [var.environment]
}

run "dev_rejects_a_prod_environment" {
  command = plan
  module {
    source = "../environments/dev"
  }
  variables {
    environment = "prod"
  }
  expect_failures = [var.environment]
}

run "prod_rejects_a_non_prod_name" {
  command = plan
  module {
    source = "../environments/prod"
  }
  variables {
    environment = "staging"
  }
  expect_failures = [var.environment]
}

run "rejects_zero_day_backup_retention" {
  command = plan
  module {
    source = "../environments/prod"
  }
  variables {
    backup_retention_days = { daily = 0, weekly = 90, monthly = 365 }
  }
  expect_failures = [var.backup_retention_days]
}

run "rejects_monthly_retention_shorter_than_weekly" {
  command = plan
  module {
    source = "../environments/dev"
  }
  variables {
    backup_retention_days = { daily = 30, weekly = 90, monthly = 60 }
  }
  expect_failures = [var.backup_retention_days]
}

run "rejects_a_log_retention_cloudwatch_does_not_offer" {
  command = plan
  module {
    source = "../environments/dev"
  }
  variables {
    log_retention_days = 42
  }
  expect_failures = [var.log_retention_days]
}

run "rejects_an_unknown_size" {
  command = plan
  module {
    source = "../environments/prod"
  }
  variables {
    size = "huge"
  }
  expect_failures = [var.size]
}

run "rejects_a_dr_region_equal_to_the_region" {
  command = plan
  module {
    source = "../environments/prod"
  }
  variables {
    dr_region = "eu-west-1"
  }
  expect_failures = [var.dr_region]
}

run "rejects_a_temporal_target_without_port" {
  command = plan
  module {
    source = "../environments/dev"
  }
  variables {
    temporal = { target = "temporal.internal", namespace = "orderflow" }
  }
  expect_failures = [var.temporal]
}

run "prod_requires_an_acm_certificate" {
  command = plan
  module {
    source = "../environments/prod"
  }
  variables {
    certificate_arn = "not-a-certificate"
  }
  expect_failures = [var.certificate_arn]
}

run "rejects_archive_lifecycle_inside_the_glacier_minimum" {
  command = plan
  module {
    source = "../environments/dev"
  }
  variables {
    archive_lifecycle_days = { instant_retrieval = 30, deep_archive = 60, noncurrent_expiry = 90 }
  }
  expect_failures = [var.archive_lifecycle_days]
}
