from dateutil import parser

import shared


def handler(event, context):
    return {"greeting": shared.GREETING, "when": parser.parse(event["when"]).isoformat()}
