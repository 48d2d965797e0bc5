import dateutil.parser


def handler(event, context):
    return {"when": dateutil.parser.parse(event["when"]).isoformat()}
