class VietnameseFirstMiddleware:
    """The interface speaks Vietnamese unless the person chose English (language cookie): a browser set to
    English must not switch a Vietnamese party office's screens. Runs before LocaleMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)
