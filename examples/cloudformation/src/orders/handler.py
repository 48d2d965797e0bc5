import utils


def main(event, context):
    return {"orders": utils.count(event.get("orders", []))}
