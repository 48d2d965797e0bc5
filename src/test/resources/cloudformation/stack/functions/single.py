def handler(event, context):
    return "single"
