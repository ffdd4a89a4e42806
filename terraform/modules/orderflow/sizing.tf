# The sizing table: one word picks task sizes and counts and the DynamoDB capacity range.
# Fargate only accepts certain cpu/memory pairs; these are valid ones.
locals {
  sizes = {
    small = {
      services = {
        api     = { cpu = 512, memory = 1024, min = 1, max = 2 }
        workers = { cpu = 512, memory = 1024, min = 1, max = 2 }
      }
      dynamodb = { min = 5, max = 50 }
    }
    medium = {
      services = {
        api     = { cpu = 1024, memory = 2048, min = 2, max = 6 }
        workers = { cpu = 1024, memory = 2048, min = 2, max = 6 }
      }
      dynamodb = { min = 25, max = 500 }
    }
    large = {
      services = {
        api     = { cpu = 2048, memory = 4096, min = 3, max = 12 }
        workers = { cpu = 2048, memory = 4096, min = 3, max = 12 }
      }
      dynamodb = { min = 100, max = 4000 }
    }
  }
}
