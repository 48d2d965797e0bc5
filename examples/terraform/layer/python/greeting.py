def text():
    return "hello from the layer"
