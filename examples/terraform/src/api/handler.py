import greeting


def main(event, context):
    return {"message": greeting.text()}
